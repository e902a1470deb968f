from __future__ import annotations

from django import forms

from documents.checks import max_bytes
from documents.models import DocumentKind
from leavingcare.forms import GovukForm


class UploadForm(GovukForm):
    kind = forms.ChoiceField(label="What is it?", choices=DocumentKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label="Title", max_length=200, help_text="For example, Passport, or Letter from the DWP")
    file = forms.FileField(label="File", required=False,
                           help_text=f"A PDF, JPG, PNG or Word (.docx) document, smaller than "
                                     f"{max_bytes() // (1024 * 1024)} MB")


class WithdrawForm(GovukForm):
    reason = forms.CharField(label="Why is the document withdrawn?", max_length=300)
