"""Reads the demo bank's page the way a browser would: its forms, fields and buttons."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)
    # data-testid -> (name, value) of each submit button
    buttons: dict[str, tuple[str, str]] = field(default_factory=dict)
    # data-testid of each text input -> its name
    inputs: dict[str, str] = field(default_factory=dict)

    def submission(self, testid: str, typed: dict[str, str] | None = None) -> dict[str, str]:
        """The form data a browser sends when the button ``testid`` is pressed."""
        data = dict(self.fields)
        for input_testid, value in (typed or {}).items():
            data[self.inputs[input_testid]] = value
        name, value = self.buttons[testid]
        if name:
            data[name] = value
        return data


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self.html_lang: str | None = None
        self.title = ""
        self._in_title = False
        self.elements_with_style_attribute = 0
        self.script_or_style_elements = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "style" in attributes:
            self.elements_with_style_attribute += 1
        if any(name.startswith("on") for name in attributes):
            self.script_or_style_elements += 1  # an inline event handler is inline script
        if tag in ("script", "style"):
            self.script_or_style_elements += 1
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "form":
            self.forms.append(Form(attributes.get("action", ""), attributes.get("method", "get")))
        elif tag == "input" and self.forms:
            form = self.forms[-1]
            if attributes.get("type") == "hidden":
                form.fields[attributes["name"]] = attributes.get("value", "")
            elif "data-testid" in attributes:
                form.inputs[attributes["data-testid"]] = attributes["name"]
        elif tag == "button" and self.forms and "data-testid" in attributes:
            self.forms[-1].buttons[attributes["data-testid"]] = (
                attributes.get("name", ""),
                attributes.get("value", ""),
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def form_with(self, testid: str) -> Form:
        for form in self.forms:
            if testid in form.buttons or testid in form.inputs:
                return form
        raise AssertionError(f"no form with {testid} on the page")

    @property
    def testids(self) -> set[str]:
        return {t for form in self.forms for t in (*form.buttons, *form.inputs)}


def parse_page(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser
