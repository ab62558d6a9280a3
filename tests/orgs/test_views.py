import datetime as dt

from django.urls import reverse

from tuyengiao.orgs.models import LineageEvent, OrgUnit


def test_tree_shows_the_children_of_the_chosen_day(world, users, login):
    client = login(users["specialist"])
    before = client.get(reverse("orgs:tree") + "?ngay=31/12/2024").content.decode()
    after = client.get(reverse("orgs:tree") + "?ngay=01/07/2025").content.decode()
    assert "Huyện Một" in before and "Xã Mới" not in before
    assert "Xã Mới" in after and "Huyện Một" not in after


def test_a_bad_date_gets_a_vietnamese_message_and_keeps_what_was_typed(world, users, login):
    response = login(users["specialist"]).get(reverse("orgs:tree") + "?ngay=32/13/2024")
    assert response.status_code == 400
    body = response.content.decode()
    assert "không tồn tại" in body
    assert 'value="32/13/2024"' in body


def test_children_partial_loads_one_level(world, users, login):
    response = login(users["leader"]).get(
        reverse("orgs:children", args=[world.district.pk]) + "?ngay=01/01/2025"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Xã Một" in body and "Xã Hai" in body


def test_unit_page_shows_lineage_links_and_history(world, users, login):
    body = login(users["leader"]).get(reverse("orgs:unit", args=[world.new_commune.pk])).content.decode()
    assert "Sáp nhập" in body and "Xã Một" in body and "Xã Hai" in body
    assert "Chi bộ Mới" in body
    assert "Lịch sử thay đổi" in body


def test_editing_a_unit_saves_and_audits(world, users, login):
    client = login(users["officer"])
    unit = world.new_commune
    response = client.post(
        reverse("orgs:unit_edit", args=[unit.pk]),
        {"name": "Xã Mới", "code": unit.code, "phone": "0208 3855 555", "version": unit.version},
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.phone == "0208 3855 555" and unit.version == 2
    assert unit.history.first().history_user == users["officer"]


def test_an_officer_cannot_edit_a_unit_below_their_own(world, users, login):
    response = login(users["officer"]).get(reverse("orgs:unit_edit", args=[world.cell.pk]))
    assert response.status_code == 403


def test_a_stale_edit_gets_a_conflict_page_that_keeps_the_input(world, users, login):
    client = login(users["specialist"])
    unit = world.new_commune
    stale_version = unit.version
    client.post(
        reverse("orgs:unit_edit", args=[unit.pk]),
        {"name": "Xã Mới", "code": unit.code, "phone": "111", "version": stale_version},
    )
    response = client.post(
        reverse("orgs:unit_edit", args=[unit.pk]),
        {"name": "Xã Mới Đổi", "code": unit.code, "phone": "222", "version": stale_version},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert 'value="Xã Mới Đổi"' in body and 'value="222"' in body
    assert "111" in body  # the current version is shown beside it
    unit.refresh_from_db()
    assert unit.phone == "111" and unit.name == "Xã Mới"


def test_an_empty_name_is_refused_in_vietnamese(world, users, login):
    unit = world.new_commune
    response = login(users["specialist"]).post(
        reverse("orgs:unit_edit", args=[unit.pk]), {"name": "", "code": unit.code, "version": unit.version}
    )
    assert response.status_code == 400
    assert "Trường này là bắt buộc" in response.content.decode()


def test_merge_wizard_previews_then_commits(world, users, login):
    client = login(users["specialist"])
    a = OrgUnit.objects.get(name="Xã Mới")
    data = {"date": "01/01/2026", "absorbed": [a.pk], "new_name": "Xã Mới Hợp Nhất", "new_code": "AN.X9"}
    preview = client.post(reverse("orgs:merge"), {**data, "step": "preview"})
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Xem trước sáp nhập" in body and "Chi bộ Mới" in body  # the child that will move
    assert not OrgUnit.objects.filter(name="Xã Mới Hợp Nhất").exists()
    done = client.post(reverse("orgs:merge"), {**data, "step": "confirm"})
    successor = OrgUnit.objects.get(name="Xã Mới Hợp Nhất")
    assert done.status_code == 302 and done["Location"] == reverse("orgs:unit", args=[successor.pk])
    a.refresh_from_db()
    assert a.valid_to == dt.date(2025, 12, 31)
    assert LineageEvent.objects.filter(kind="merge", date=dt.date(2026, 1, 1)).count() == 1


def test_merge_wizard_refuses_a_unit_into_itself_keeping_the_form(world, users, login):
    client = login(users["specialist"])
    before = LineageEvent.objects.count()
    response = client.post(
        reverse("orgs:merge"),
        {
            "step": "confirm",
            "date": "01/01/2026",
            "absorbed": [world.new_commune.pk],
            "successor": world.new_commune.pk,
            "legal_basis": "Nghị quyết 1683/NQ-UBTVQH15",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "chính nó" in body and "Nghị quyết 1683/NQ-UBTVQH15" in body
    assert LineageEvent.objects.count() == before


def test_merge_wizard_refuses_a_successor_that_does_not_exist_on_that_date(world, users, login):
    response = login(users["specialist"]).post(
        reverse("orgs:merge"),
        {
            "step": "preview",
            "date": "01/01/2025",
            "absorbed": [world.old_one.pk],
            "successor": world.new_commune.pk,
        },
    )
    assert response.status_code == 400


def test_cluster_can_be_created_and_lists_members_as_of_a_date(world, users, login):
    client = login(users["leader"])
    response = client.post(
        reverse("orgs:cluster_create"),
        {"name": "Cụm thi đua số 2", "members": [world.new_commune.pk], "valid_from": "01/07/2025"},
    )
    assert response.status_code == 302
    detail = client.get(response["Location"] + "?ngay=01/08/2025").content.decode()
    assert "Xã Mới" in detail and "Thành viên ngày 01/08/2025 (1)" in detail
    earlier = client.get(response["Location"] + "?ngay=01/01/2025").content.decode()
    assert "Thành viên ngày 01/01/2025 (0)" in earlier


def test_a_specialist_founds_a_child_unit(world, users, login):
    client = login(users["specialist"])
    response = client.post(
        reverse("orgs:unit_add_child", args=[world.new_commune.pk]),
        {"kind": "cell", "name": "Chi bộ Tổ 2", "code": "AN.X1.CB2", "valid_from": "01/09/2025"},
    )
    child = OrgUnit.objects.get(code="AN.X1.CB2")
    assert response.status_code == 302
    assert child.valid_from == dt.date(2025, 9, 1)
    from tuyengiao.orgs import queries

    assert child.pk in queries.responsibility_ids(world.an.pk)  # visible upward at once


def test_founding_a_child_before_its_parent_existed_is_refused(world, users, login):
    response = login(users["specialist"]).post(
        reverse("orgs:unit_add_child", args=[world.new_commune.pk]),
        {"kind": "cell", "name": "Chi bộ Sớm", "code": "AN.X1.CB9", "valid_from": "01/01/2020"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "không tồn tại vào ngày 01/01/2020" in body and 'value="Chi bộ Sớm"' in body
    assert not OrgUnit.objects.filter(code="AN.X1.CB9").exists()


def test_ending_a_unit_with_children_is_refused_then_allowed_once_they_move(world, users, login):
    client = login(users["specialist"])
    response = client.post(reverse("orgs:unit_end", args=[world.new_commune.pk]), {"last_day": "31/12/2025"})
    assert response.status_code == 400 and "còn 1 đơn vị trực thuộc" in response.content.decode()
    cell_move = client.post(
        reverse("orgs:unit_transfer", args=[world.cell.pk]), {"new_parent": world.an.pk, "date": "01/01/2026"}
    )
    assert cell_move.status_code == 302
    response = client.post(reverse("orgs:unit_end", args=[world.new_commune.pk]), {"last_day": "31/12/2025"})
    assert response.status_code == 302
    world.new_commune.refresh_from_db()
    assert world.new_commune.valid_to == dt.date(2025, 12, 31)
    assert OrgUnit.objects.filter(pk=world.new_commune.pk).exists()  # ended, never deleted


def test_a_user_cannot_restructure_their_own_unit(world, users, login):
    response = login(users["specialist"]).get(reverse("orgs:unit_end", args=[world.an.pk]))
    assert response.status_code == 403


def test_cluster_members_join_and_leave_over_time(world, users, login):
    from tuyengiao.orgs import services

    client = login(users["leader"])
    cluster = services.create_cluster(actor=None, name="Cụm số 3", organizer=world.an)
    response = client.post(
        reverse("orgs:cluster_member_add", args=[cluster.pk]),
        {"unit": world.new_commune.pk, "valid_from": "01/07/2025"},
    )
    assert response.status_code == 302
    membership = cluster.memberships.get()
    response = client.post(
        reverse("orgs:cluster_member_end", args=[cluster.pk, membership.pk]), {"last_day": "01/06/2025"}
    )
    assert response.status_code == 400 and "phải sau ngày bắt đầu" in response.content.decode()
    response = client.post(
        reverse("orgs:cluster_member_end", args=[cluster.pk, membership.pk]), {"last_day": "31/12/2025"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.valid_to == dt.date(2025, 12, 31)
