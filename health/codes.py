"""Health code sets as the Standard Safeguarding Dataset has them (data-to-insight/ssd-data-model)."""

from __future__ import annotations

# ssd_cla_health.clah_health_check_type: "Health Assessment, Dental Check" and health surveillance checks
CHECK_TYPES = [("health_assessment", "Health Assessment"), ("dental_check", "Dental Check"),
               ("health_surveillance", "Health Surveillance Check"), ("annual_health_check", "Annual Health Check")]
# ssd_cla_health.clah_health_check_status code set
CHECK_STATUS = [("Planned", "Planned"), ("Refused", "Refused"), ("Cancelled", "Cancelled"), ("Completed", "Completed")]
# ssd_sdq_scores.csdq_sdq_reason: why no score was returned
SDQ_REASONS = [
    ("SDQ1", "No form returned as aged under 4 or over 16 at the latest assessment"),
    ("SDQ2", "Carer refused to complete and return the questionnaire"),
    ("SDQ3", "Not possible to complete because of the severity of disability"),
    ("SDQ4", "Other"),
    ("SDQ5", "The young person refused to allow an SDQ to be completed"),
]
SUPPORT_KINDS = [("support", "Support"), ("referral", "Referral")]
SUPPORT_STATUS = [("referred", "Referred"), ("waiting", "Waiting"), ("accepted", "Accepted"),
                  ("declined", "Declined"), ("receiving", "Receiving support"), ("ended", "Ended")]
