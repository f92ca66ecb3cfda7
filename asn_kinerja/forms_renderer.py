"""The form renderer (`FORM_RENDERER`): Django's own, except that a <select> is written in
Python. Django renders every <option> through its own template include; the employee filter
bar alone has ~150 options, which made template rendering most of a list page's time (about
15 ms of 30 ms per request at 100k employees, see docs/bench.md). The output is the same
markup as `django/forms/widgets/select.html` + `select_option.html` + `attrs.html`, and
widgets that set their own `option_template_name` keep the template path."""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

_SELECT = "django/forms/widgets/select.html"
_OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict[str, Any]) -> str:
    bagian = []
    for nama, nilai in attrs.items():
        if nilai is False:
            continue
        if nilai is True:
            bagian.append(f" {conditional_escape(nama)}")
        else:
            bagian.append(f' {conditional_escape(nama)}="{conditional_escape(str(nilai))}"')
    return "".join(bagian)


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
        if template_name == _SELECT:
            widget = context["widget"]
            if all(
                o.get("template_name") == _OPTION
                for _g, opsi, _i in widget["optgroups"]
                for o in opsi
            ):
                return render_select(widget)
        return super().render(template_name, context, request=request)
