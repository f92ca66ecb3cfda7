"""Authentication of the API: the browser's session (DRF enforces CSRF on it) and the
per-user token, sent as `Authorization: Token <key>` (or `Bearer <key>`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .selectors import token_dari_kunci
from .services import token_tandai_dipakai


class TokenAPIAuthentication(authentication.BaseAuthentication):
    kata_kunci = ("token", "bearer")

    def authenticate(self, request):
        bagian = authentication.get_authorization_header(request).split()
        if not bagian or bagian[0].lower().decode(errors="replace") not in self.kata_kunci:
            return None
        if len(bagian) != 2:
            raise exceptions.AuthenticationFailed(_("Header Authorization tidak sah."))
        try:
            kunci = bagian[1].decode()
        except UnicodeError as e:
            raise exceptions.AuthenticationFailed(_("Token tidak sah.")) from e
        token = token_dari_kunci(kunci)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Token tidak sah atau sudah dicabut."))
        if not token.pengguna.is_active:
            raise exceptions.AuthenticationFailed(_("Akun pemilik token tidak aktif."))
        token_tandai_dipakai(token=token)
        return token.pengguna, token

    def authenticate_header(self, request) -> str:
        return "Token"
