from __future__ import annotations

from django import forms

from leavingcare.forms import GovukForm
from youngapp.models import MESSAGE_LIMIT


class AddressForm(GovukForm):
    address = forms.CharField(label="Your email address or mobile number", max_length=254,
                              help_text="The one your personal adviser (PA) set up for you")


class CodeForm(GovukForm):
    code = forms.CharField(label="Code", max_length=20, help_text="The 6 numbers we sent you. It works for 10 minutes")


class MessageForm(GovukForm):
    # No max_length here: the verb refuses an over-long message with the limit shown, keeping what was typed
    body = forms.CharField(label="Your message", widget=forms.Textarea,
                           help_text=f"Up to {MESSAGE_LIMIT:,} characters. Your PA will usually reply within "
                                     "2 working days. If you need help now, see 'I need help now' on Home.")


class ReplyForm(GovukForm):
    body = forms.CharField(label="Your reply", widget=forms.Textarea,
                           help_text=f"Up to {MESSAGE_LIMIT:,} characters. The young person is told only that "
                                     "there is a message")


class InviteForm(GovukForm):
    email = forms.CharField(label="Email address", required=False, max_length=254,
                            help_text="The young person's own email. The code to sign in is sent here")
    mobile = forms.CharField(label="Mobile number (if no email)", required=False, max_length=20)


class SuspendForm(GovukForm):
    reason = forms.CharField(label="Why access is paused", required=False, max_length=200,
                             help_text="For example: lost phone")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CommentForm(GovukForm):
    area = forms.ChoiceField(label="Which part of your plan", required=False)
    text = forms.CharField(label="Your comment", widget=forms.Textarea)


class AnswerForm(GovukForm):
    agrees = forms.TypedChoiceField(label="Do you agree with your plan?", widget=forms.RadioSelect,
                                    choices=[("yes", "Yes, I agree"), ("no", "No, I do not agree")],
                                    coerce=lambda v: v == "yes")
    views = forms.CharField(label="What do you think about your plan? (optional)", widget=forms.Textarea,
                            required=False)


class ReviewForm(GovukForm):
    reason = forms.CharField(label="What has changed, or why do you want your plan looked at again?",
                             widget=forms.Textarea)


class MoneyForm(GovukForm):
    entitlement = forms.ChoiceField(label="What is it for?", widget=forms.RadioSelect)
    amount = forms.CharField(label="How much do you need, in pounds?", max_length=12)
    reason = forms.CharField(label="Tell your PA what you need it for", widget=forms.Textarea)


class FileForm(GovukForm):
    pa_helps = forms.TypedChoiceField(label="Do you want your PA to help you read it?", widget=forms.RadioSelect,
                                      choices=[("yes", "Yes, I want my PA to help me"),
                                               ("no", "No, I want to read it on my own or with someone else")],
                                      coerce=lambda v: v == "yes")
    note = forms.CharField(label="Anything you want us to know (optional)", widget=forms.Textarea, required=False)


class PasskeyForm(GovukForm):
    # No max_length: the verb says what is wrong with the name, naming the field
    name = forms.CharField(label="Name for this passkey", required=False,
                           help_text="So you know which phone it is on, for example: My phone")
    credential = forms.CharField(widget=forms.HiddenInput, required=False, max_length=30000)


class PasskeySignInForm(GovukForm):
    credential = forms.CharField(widget=forms.HiddenInput, required=False, max_length=30000)
