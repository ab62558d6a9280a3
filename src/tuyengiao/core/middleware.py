from django.conf import settings
from django.utils.cache import patch_vary_headers


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header: everything from our own origin, no inline scripts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class VietnameseFirstLocaleMiddleware:
    """Vietnamese unless the user chose English (the language cookie set by the header's switch).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many office PCs run
    English browsers; the commissions work in Vietnamese.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
