"""The form renderer (`FORM_RENDERER`): Django's own, except that a <select>, an <input> and a
<textarea> are written in Python. Django renders every widget (and every <option>) through
its template includes; the employee filter bar alone has ~150 options, which made template
rendering most of a list page's time (about 15 ms of 30 ms per request at 100k employees),
and the rating form's 13 fields cost ~9 ms of widget templates (docs/bench.md). The output is
the same markup as Django's `select.html` + `select_option.html`, `input.html` (and the
per-type templates that only include it), `textarea.html` and `attrs.html` (tested byte for
byte). A widget that sets its own template keeps the template path."""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

_SELECT = "django/forms/widgets/select.html"
_OPTION = "django/forms/widgets/select_option.html"
_TEXTAREA = "django/forms/widgets/textarea.html"
#: Django's input templates: input.html and the per-type ones that only include it.
_INPUT = {
    f"django/forms/widgets/{t}.html"
    for t in ("input", "text", "number", "email", "date", "hidden", "password", "tel", "url",
              "search", "time", "datetime", "color")
}  # fmt: skip


def _attrs(attrs: dict[str, Any]) -> str:
    bagian = []
    for nama, nilai in attrs.items():
        if nilai is False:
            continue
        if nilai is True:
            bagian.append(f" {conditional_escape(nama)}")
        else:
            bagian.append(f' {conditional_escape(nama)}="{_nilai(nilai)}"')
    return "".join(bagian)


def _nilai(value: Any) -> str:
    # `{{ value|stringformat:'s' }}` under autoescape: str(), escaped unless already safe.
    return conditional_escape(value if isinstance(value, str) else str(value))


def render_input(widget: dict[str, Any]) -> str:
    nilai = "" if widget["value"] is None else f' value="{_nilai(widget["value"])}"'
    return mark_safe(  # noqa: S308 - every value is escaped
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{nilai}{_attrs(widget["attrs"])}>'
    )


def render_textarea(widget: dict[str, Any]) -> str:
    isi = _nilai(widget["value"]) if widget["value"] else ""
    return mark_safe(  # noqa: S308 - every value is escaped
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{isi}</textarea>"
    )


def render_select(widget: dict[str, Any]) -> str:
    out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for o in group_choices:
            out.append(
                f'\n  <option value="{conditional_escape(str(o["value"]))}"'
                f"{_attrs(o['attrs'])}>{conditional_escape(o['label'])}</option>\n"
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


class RendererCepat(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name in _INPUT:
            return render_input(context["widget"])
        if template_name == _TEXTAREA:
            return render_textarea(context["widget"])
        if template_name == _SELECT:
            widget = context["widget"]
            if all(
                o.get("template_name") == _OPTION
                for _g, opsi, _i in widget["optgroups"]
                for o in opsi
            ):
                return render_select(widget)
        return super().render(template_name, context, request=request)
