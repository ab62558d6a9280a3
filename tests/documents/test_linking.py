import datetime as dt

from tuyengiao.documents import linking, services
from tuyengiao.documents.models import Citation, Document
from tuyengiao.meetings import services as meetings
from tuyengiao.tasks import services as tasks

START = dt.datetime(2026, 8, 6, 1, 0, tzinfo=dt.UTC)


def meeting(unit, minutes):
    data = meetings.MeetingData(
        title="Hội nghị sơ kết", kind="so_ket", starts_at=START, ends_at=START, minutes=minutes
    )
    return meetings.create_meeting(actor=None, organizer=unit, data=data)


def test_a_meetings_minutes_link_to_the_registered_directive(world, directive):
    made = meeting(world.an, "Quán triệt Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương.")
    citation = Citation.objects.get(meeting=made)
    assert citation.document == directive and "21-KL/TW" in citation.mention


def test_an_unknown_central_reference_becomes_one_shared_unregistered_entry(world):
    first = meeting(world.an, "Thực hiện Kết luận số 14-KL/TW của Bộ Chính trị.")
    second = meeting(world.new_commune, "Xã quán triệt Kết luận 14-KL/TW.")
    entry = Document.objects.get(number="14-KL/TW")
    assert not entry.registered and entry.owner == world.centre and entry.term == "XIV"
    assert set(entry.citations.values_list("meeting", flat=True)) == {first.pk, second.pk}
    assert entry.issuing_body == "Bộ Chính trị"


def test_a_provincial_reference_is_kept_with_the_province(world):
    meeting(world.new_commune, "Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy.")
    assert Document.objects.get(number="12-KH/TU").owner == world.an


def test_the_date_given_picks_the_term(world):
    older = services.register(
        actor=None,
        unit=world.centre,
        data=services.DocumentData(number="21-KL/TW", issued_on=dt.date(2017, 5, 1)),
    )
    newer = services.register(
        actor=None,
        unit=world.centre,
        data=services.DocumentData(number="21-KL/TW", issued_on=dt.date(2021, 10, 25)),
    )
    made = meeting(world.an, "Kết luận số 21-KL/TW, ngày 01/5/2017 của Bộ Chính trị")
    assert Citation.objects.get(meeting=made).document == older
    made = meeting(world.an, "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương")
    assert Citation.objects.get(meeting=made).document == newer


def test_an_alias_links_once_it_is_registered(world):
    directive = services.register(
        actor=None,
        unit=world.centre,
        data=services.DocumentData(number="05-CT/TW", issued_on=dt.date(2016, 5, 15)),
    )
    made = meeting(world.an, "Đẩy mạnh thực hiện Chỉ thị 05 trong toàn Đảng bộ.")
    assert not Citation.objects.filter(meeting=made).exists()
    services.add_alias(actor=None, document=directive, text="Chỉ thị 05")
    meetings.link_citations(made)
    assert Citation.objects.get(meeting=made).document == directive


def test_editing_the_text_drops_citations_it_no_longer_makes(world, directive):
    made = meeting(world.an, "Quán triệt Kết luận số 21-KL/TW.")
    assert Citation.objects.filter(meeting=made).count() == 1
    data = meetings.MeetingData(
        title="Hội nghị sơ kết", kind="so_ket", starts_at=START, ends_at=START, minutes=""
    )
    meetings.update_meeting(actor=None, meeting=made, expected_version=None, data=data)
    assert not Citation.objects.filter(meeting=made).exists()


def test_a_task_and_a_conclusion_cite_too(world, directive):
    task = tasks.assign(
        actor=None,
        assigner=world.an,
        data=tasks.TaskData(
            title="Tuyên truyền Kết luận số 21-KL/TW",
            deadline=dt.date(2026, 12, 31),
            given_on=dt.date(2026, 8, 1),
            assignees=[tasks.Assignee(world.new_commune)],
        ),
    )
    assert Citation.objects.get(task=task).document == directive
    made = meeting(world.an, "")
    meetings.save_conclusion(actor=None, meeting=made, items=["Một là, quán triệt Kết luận số 21-KL/TW."])
    assert Citation.objects.get(meeting=made).document == directive


def test_a_units_own_registry_wins_over_the_centres(world, directive):
    own = services.register(
        actor=None,
        unit=world.an,
        data=services.DocumentData(number="21-KL/TW", issued_on=dt.date(2021, 10, 25)),
    )
    found = linking.cited_documents("Kết luận số 21-KL/TW", world.an, dt.date(2026, 8, 6))
    assert list(found) == [own.pk]
