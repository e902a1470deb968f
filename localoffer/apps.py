from django.apps import AppConfig


class LocalOfferConfig(AppConfig):
    name = "localoffer"
    verbose_name = "Local Offer"
