"""OpenAPI description of the token authentication (loaded by ApiConfig.ready)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenAPIScheme(OpenApiAuthenticationExtension):
    target_class = "kinerja.api.auth.TokenAPIAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'Token API dari halaman "Token API saya": `Token <token>`.',
        }
