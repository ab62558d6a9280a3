import pytest
from django.core.cache import cache

from tests.factories import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def users(world):
    return world.users()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def login(client):
    """Log a user in on the test client (axes needs the request, so go through force_login)."""

    def _login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return _login


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings, request):
    """argon2 is deliberately slow; tests that check hashing itself opt out with @pytest.mark.real_hashing."""
    if "real_hashing" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    """Files attached in tests never land in the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
