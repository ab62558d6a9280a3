import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import user
from tuyengiao.accounts.models import Role
from tuyengiao.core.services import ConflictError
from tuyengiao.documents import services
from tuyengiao.documents.models import Classification, Document, DocumentStatus


def register(unit, number, **fields):
    return services.register(actor=None, unit=unit, data=services.DocumentData(number=number, **fields))


def test_it_stores_the_canonical_number_and_derives_the_term(world):
    document = register(world.an, "Số 21 - KL/TƯ", issued_on=dt.date(2021, 10, 25))
    assert (document.number, document.doc_type, document.issuer) == ("21-KL/TW", "KL", "TW")
    assert document.term == "XIII" and document.system == "party"


def test_the_same_number_in_two_terms_is_two_documents(world):
    older = register(world.an, "21-KL/TW", issued_on=dt.date(2017, 5, 1))
    newer = register(world.an, "21-KL/TW", issued_on=dt.date(2021, 10, 25))
    assert (older.term, newer.term) == ("XII", "XIII")


def test_it_refuses_the_same_number_twice_in_one_term(world):
    register(world.an, "21-KL/TW", issued_on=dt.date(2021, 10, 25))
    with pytest.raises(ValidationError) as error:
        register(world.an, "21-KL/TW", issued_on=dt.date(2022, 1, 3))
    assert "đã có 21-KL/TW" in str(error.value.message_dict["number"])


def test_a_malformed_number_gets_the_parsers_reason_in_vietnamese(world):
    with pytest.raises(ValidationError) as error:
        register(world.an, "KL/TW")
    message = " ".join(error.value.message_dict["number"])
    assert message and message != "KL/TW"
    assert not Document.objects.exists()


def test_state_numbers_keep_their_year(world):
    document = register(world.an, "Số: 30/2020/NĐ-CP", issued_on=dt.date(2020, 3, 5))
    assert (document.number, document.system, document.year) == ("30/2020/NĐ-CP", "state", 2020)
    with pytest.raises(ValidationError) as error:
        register(world.an, "31/2020/NĐ-CP", issued_on=dt.date(2021, 3, 5))
    assert "năm 2020" in " ".join(error.value.message_dict["issued_on"])


def test_a_stale_edit_is_a_conflict_and_completing_registers(world):
    document = Document.objects.create(
        owner=world.an, number="05-CT/TW", doc_type="CT", issuer="TW", term="XII", registered=False
    )
    data = services.DocumentData(
        number="05-CT/TW", issued_on=dt.date(2016, 5, 15), subject="Học tập và làm theo"
    )
    services.update(actor=None, document=document, expected_version=1, data=data)
    document.refresh_from_db()
    assert document.registered and document.version == 2 and document.term == "XII"
    with pytest.raises(ConflictError):
        services.update(actor=None, document=document, expected_version=1, data=data)


def test_replacing_marks_the_old_document_replaced(world):
    old = register(world.an, "66-QĐ/TW", issued_on=dt.date(2017, 2, 6))
    new = register(world.an, "399-QĐ/TW", issued_on=dt.date(2026, 1, 9))
    services.relate(actor=None, source=new, target=old, kind="replaces")
    old.refresh_from_db()
    assert old.status == DocumentStatus.REPLACED
    with pytest.raises(ValidationError):
        services.relate(actor=None, source=new, target=new, kind="guides")
    with pytest.raises(ValidationError):
        services.relate(actor=None, source=new, target=old, kind="replaces")


def test_files_of_classified_documents_are_refused_off_the_closed_network(world, settings):
    settings.CLOSED_NETWORK = False
    secret = register(world.an, "12-BC/TU", classification=Classification.SECRET)
    upload = SimpleUploadedFile("mat.pdf", b"%PDF-1.4", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.attach_file(actor=None, document=secret, upload=upload)
    assert "mạng thông tin nội bộ" in str(error.value)
    assert not secret.files.exists()
    settings.CLOSED_NETWORK = True
    upload.seek(0)
    assert services.attach_file(actor=None, document=secret, upload=upload).document == secret


def test_aliases_fold_spelling_variants_and_refuse_twins(world):
    document = register(world.an, "05-CT/TW", issued_on=dt.date(2016, 5, 15))
    alias = services.add_alias(actor=None, document=document, text="Chỉ thị 05")
    assert alias.key
    with pytest.raises(ValidationError):
        services.add_alias(actor=None, document=document, text="chỉ  thị 05")


def test_only_leaders_and_specialists_of_the_unit_keep_its_registry(world, users):
    data = services.DocumentData(number="01-KL/TW")
    with pytest.raises(ValidationError):
        services.register(actor=users["officer"], unit=world.new_commune, data=data)
    with pytest.raises(ValidationError):
        services.register(actor=users["specialist"], unit=world.other, data=data)
    assert services.register(actor=users["specialist"], unit=world.an, data=data).owner == world.an


def test_units_below_see_unclassified_documents_of_the_units_above(world, users):
    public = register(world.an, "01-KL/TW")
    secret = register(world.an, "02-KL/TW", classification=Classification.SECRET)
    commune = users["officer"]
    assert set(Document.objects.visible_to(commune)) == {public}
    foreign = user("khac.lanhdao", world.other, Role.LEADER)
    assert not Document.objects.visible_to(foreign).exists()
    assert set(Document.objects.visible_to(users["specialist"])) == {public, secret}


def test_a_document_with_files_cannot_become_classified_off_the_closed_network(world, settings):
    settings.CLOSED_NETWORK = False
    document = register(world.an, "12-BC/TU")
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4", content_type="application/pdf")
    services.attach_file(actor=None, document=document, upload=upload)
    data = services.DocumentData(number="12-BC/TU", classification=Classification.SECRET)
    with pytest.raises(ValidationError) as error:
        services.update(actor=None, document=document, expected_version=1, data=data)
    assert "classification" in error.value.message_dict
    document.refresh_from_db()
    assert document.classification == Classification.NORMAL
