"""The full table of what each role may do, printed and pinned (run with -s to see it).

A new model's permissions appear here as a failure: decide which role gets each of them in
organizations/roles.py, then add its rows to TABLE.
"""

import pytest
from django.contrib.auth.models import Group, Permission

from organizations.roles import ADMINISTRATORS, CONTRIBUTORS, EDITORS, roles_sync

pytestmark = pytest.mark.django_db

COLUMNS = [ADMINISTRATORS, EDITORS, CONTRIBUTORS]

# permission                           Quản trị viên  Biên tập viên  Cộng tác viên
TABLE = """
admin.add_logentry                           -              -              -
admin.change_logentry                        -              -              -
admin.delete_logentry                        -              -              -
admin.view_logentry                          -              -              -
auth.add_group                               -              -              -
auth.add_permission                          -              -              -
auth.add_user                                yes            -              -
auth.change_group                            -              -              -
auth.change_permission                       -              -              -
auth.change_user                             yes            -              -
auth.delete_group                            -              -              -
auth.delete_permission                       -              -              -
auth.delete_user                             yes            -              -
auth.view_group                              yes            -              -
auth.view_permission                         -              -              -
auth.view_user                               yes            -              -
axes.add_accessattempt                       -              -              -
axes.add_accessattemptexpiration             -              -              -
axes.add_accessfailurelog                    -              -              -
axes.add_accesslog                           -              -              -
axes.change_accessattempt                    -              -              -
axes.change_accessattemptexpiration          -              -              -
axes.change_accessfailurelog                 -              -              -
axes.change_accesslog                        -              -              -
axes.delete_accessattempt                    yes            -              -
axes.delete_accessattemptexpiration          -              -              -
axes.delete_accessfailurelog                 -              -              -
axes.delete_accesslog                        -              -              -
axes.view_accessattempt                      yes            -              -
axes.view_accessattemptexpiration            -              -              -
axes.view_accessfailurelog                   -              -              -
axes.view_accesslog                          yes            -              -
contact.add_contactmessage                   -              -              -
contact.change_contactmessage                yes            -              -
contact.delete_contactmessage                yes            -              -
contact.view_contactmessage                  yes            -              -
contenttypes.add_contenttype                 -              -              -
contenttypes.change_contenttype              -              -              -
contenttypes.delete_contenttype              -              -              -
contenttypes.view_contenttype                -              -              -
documents.add_document                       yes            yes            -
documents.add_documentfile                   yes            yes            -
documents.add_documentsubject                yes            yes            -
documents.add_documenttype                   yes            yes            -
documents.change_document                    yes            yes            -
documents.change_documentfile                yes            yes            -
documents.change_documentsubject             yes            yes            -
documents.change_documenttype                yes            yes            -
documents.delete_document                    yes            yes            -
documents.delete_documentfile                yes            yes            -
documents.delete_documentsubject             yes            yes            -
documents.delete_documenttype                yes            yes            -
documents.view_document                      yes            yes            -
documents.view_documentfile                  yes            yes            -
documents.view_documentsubject               yes            yes            -
documents.view_documenttype                  yes            yes            -
events.add_event                             yes            yes            -
events.change_event                          yes            yes            -
events.delete_event                          yes            yes            -
events.view_event                            yes            yes            -
galleries.add_album                          yes            yes            -
galleries.add_photo                          yes            yes            -
galleries.change_album                       yes            yes            -
galleries.change_photo                       yes            yes            -
galleries.delete_album                       yes            yes            -
galleries.delete_photo                       yes            yes            -
galleries.view_album                         yes            yes            -
galleries.view_photo                         yes            yes            -
library.add_picture                          yes            yes            yes
library.change_picture                       yes            yes            -
library.delete_picture                       yes            yes            -
library.view_picture                         yes            yes            yes
news.add_article                             yes            yes            yes
news.add_articleautosave                     -              -              -
news.add_articledailyread                    -              -              -
news.add_articleimage                        yes            yes            yes
news.add_articleperiodread                   -              -              -
news.add_category                            yes            yes            -
news.add_notification                        -              -              -
news.add_readflush                           -              -              -
news.add_source                              yes            yes            -
news.add_tag                                 yes            yes            -
news.change_article                          yes            yes            yes
news.change_articleautosave                  -              -              -
news.change_articledailyread                 -              -              -
news.change_articleimage                     yes            yes            yes
news.change_articleperiodread                -              -              -
news.change_category                         yes            yes            -
news.change_notification                     yes            yes            yes
news.change_readflush                        -              -              -
news.change_source                           yes            yes            -
news.change_tag                              yes            yes            -
news.delete_article                          yes            yes            -
news.delete_articleautosave                  -              -              -
news.delete_articledailyread                 -              -              -
news.delete_articleimage                     yes            yes            yes
news.delete_articleperiodread                -              -              -
news.delete_category                         yes            yes            -
news.delete_notification                     -              -              -
news.delete_readflush                        -              -              -
news.delete_source                           yes            yes            -
news.delete_tag                              yes            yes            -
news.publish_article                         yes            yes            -
news.purge_article                           yes            -              -
news.review_article                          yes            yes            -
news.view_article                            yes            yes            yes
news.view_articleautosave                    -              -              -
news.view_articledailyread                   yes            yes            -
news.view_articleimage                       yes            yes            yes
news.view_articleperiodread                  yes            yes            -
news.view_category                           yes            yes            yes
news.view_notification                       yes            yes            yes
news.view_readflush                          -              -              -
news.view_source                             yes            yes            yes
news.view_tag                                yes            yes            yes
organizations.add_organization               yes            -              -
organizations.add_partnerlink                yes            -              -
organizations.add_siteidentity               -              -              -
organizations.add_sponsor                    yes            -              -
organizations.add_sponsorclick               -              -              -
organizations.add_staffmembership            yes            -              -
organizations.change_organization            yes            -              -
organizations.change_partnerlink             yes            -              -
organizations.change_siteidentity            yes            -              -
organizations.change_sponsor                 yes            -              -
organizations.change_sponsorclick            -              -              -
organizations.change_staffmembership         yes            -              -
organizations.delete_organization            yes            -              -
organizations.delete_partnerlink             yes            -              -
organizations.delete_siteidentity            -              -              -
organizations.delete_sponsor                 yes            -              -
organizations.delete_sponsorclick            -              -              -
organizations.delete_staffmembership         yes            -              -
organizations.view_organization              yes            yes            yes
organizations.view_partnerlink               yes            -              -
organizations.view_siteidentity              yes            -              -
organizations.view_sponsor                   yes            -              -
organizations.view_sponsorclick              yes            -              -
organizations.view_staffmembership           yes            -              -
otp_totp.add_totpdevice                      -              -              -
otp_totp.change_totpdevice                   -              -              -
otp_totp.delete_totpdevice                   -              -              -
otp_totp.view_totpdevice                     -              -              -
pages.add_menuitem                           yes            -              -
pages.add_page                               yes            yes            -
pages.change_menuitem                        yes            -              -
pages.change_page                            yes            yes            -
pages.delete_menuitem                        yes            -              -
pages.delete_page                            yes            yes            -
pages.view_menuitem                          yes            -              -
pages.view_page                              yes            yes            -
redirects.add_redirect                       yes            -              -
redirects.change_redirect                    yes            -              -
redirects.delete_redirect                    yes            -              -
redirects.view_redirect                      yes            -              -
reversion.add_revision                       -              -              -
reversion.add_version                        -              -              -
reversion.change_revision                    -              -              -
reversion.change_version                     -              -              -
reversion.delete_revision                    -              -              -
reversion.delete_version                     -              -              -
reversion.view_revision                      -              -              -
reversion.view_version                       -              -              -
sessions.add_session                         -              -              -
sessions.change_session                      -              -              -
sessions.delete_session                      -              -              -
sessions.view_session                        -              -              -
sites.add_site                               -              -              -
sites.change_site                            -              -              -
sites.delete_site                            -              -              -
sites.view_site                              -              -              -
videos.add_video                             yes            yes            -
videos.change_video                          yes            yes            -
videos.delete_video                          yes            yes            -
videos.view_video                            yes            yes            -
visits.add_sitedailyvisit                    -              -              -
visits.change_sitedailyvisit                 -              -              -
visits.delete_sitedailyvisit                 -              -              -
visits.view_sitedailyvisit                   yes            -              -
"""


def role_table():
    roles_sync()
    granted = {
        name: set(
            Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", "codename"
            )
        )
        for name in COLUMNS
    }
    rows = []
    for app_label, codename in Permission.objects.values_list(
        "content_type__app_label", "codename"
    ).order_by("content_type__app_label", "codename"):
        marks = ["yes" if (app_label, codename) in granted[name] else "-" for name in COLUMNS]
        rows.append(f"{app_label + '.' + codename:<44} {marks[0]:<14} {marks[1]:<14} {marks[2]}")
    return "\n".join(rows)


def test_each_role_may_do_exactly_what_the_table_says():
    table = role_table()
    print(f"\n{'permission':<44} {ADMINISTRATORS:<14} {EDITORS:<14} {CONTRIBUTORS}\n{table}")
    assert table == TABLE.strip()
