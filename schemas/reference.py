"""Reference data from the Kingston & Richmond child-exploitation strategy, kept as data in one place.

Everything a form, a checklist or a guidance panel shows to practitioners (the MARVE indicator
check list, the SAFEGUARDS and GUARDIANS prompts, the MARVE risk-RAG examples, the panel agenda,
disruption measures, Signs of Safety scales, the person-of-concern definition) lives here and
nowhere else.

Source: ``/work/shared/reference/child-exploitation-strategy-kingston-richmond.txt``. Text taken
from the reference is verbatim apart from obvious OCR / whitespace / spelling fixes (each
non-trivial fix is noted in a comment). Anything that is ContextMap's own wording, because the
reference is silent, is marked as such in a comment.

``(YP)`` in the Signs of Safety scales is the reference's placeholder for the young person's name.

This module holds plain data only: no logic, no I/O, no imports from the rest of ContextMap.
The RAG examples are guidance shown beside a rating; professional judgement sets the RAG.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, NamedTuple

__all__ = [
    "AgendaItem",
    "CATEGORY_NAMES",
    "DISRUPTION_MEASURES",
    "FAMILIAL_ABUSE_REFUSAL",
    "FEEDBACK_FORM_QUESTIONS",
    "GUARDIANS_PROMPTS",
    "INDICATORS",
    "INDICATOR_CHECKLIST_NOTE",
    "INFORMAL_DISRUPTION_CODES",
    "Indicator",
    "MARVE_AGENDA",
    "POC_DEFINITION",
    "Prompt",
    "RAG_FROM_REFERENCE",
    "RAG_GUIDANCE",
    "RAG_LEVELS",
    "RAG_REFERENCE_SECTION",
    "RAG_TOOL_NOTES",
    "SAFEGUARDS_PROMPTS",
    "SIGNS_OF_SAFETY_SCALES",
]


# ---------------------------------------------------------------------------------------------
# Types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Indicator:
    """One line of the MARVE Indicator Check List (the list in the reference has no groups)."""

    key: str
    text: str


class Prompt(NamedTuple):
    """One letter of a mnemonic (SAFEGUARDS / GUARDIANS): unique key, heading, prompt text.

    ``letter`` is the mnemonic letter the item stands for (letters repeat within a mnemonic,
    so ``key`` is the unique identifier).
    """

    key: str
    heading: str
    text: str

    @property
    def letter(self) -> str:
        return self.heading[:1].upper()


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One item of the MARVE panel agenda. ``number`` is None for the break."""

    number: int | None
    title: str
    duration_minutes: int | None = None
    lead: str | None = None
    details: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# 1. MARVE Indicator Check List (MARVE Risk Assessment and Referral form), in reference order
# ---------------------------------------------------------------------------------------------

INDICATORS: Final[tuple[Indicator, ...]] = (
    Indicator(
        "running_away_missing",
        "Running away from home / care and going missing / sofa surfing / street homelessness",
    ),
    Indicator(
        "school_non_attendance",
        "Non-attendance at school / poor attendance at school / not enrolled in school",
    ),
    Indicator(
        "residential_or_foster_care",
        "Being in residential or foster care (especially out of area)",
    ),
    Indicator(
        "recovered_from_place_of_exploitation",
        "Located or recovered from a place of exploitation (brothel, cannabis farm, "
        "‘trap / cuckooed address’)",
    ),
    Indicator(
        "vehicles_unknown_adults",
        "Entering or leaving or found in vehicles driven by unknown adults",
    ),
    Indicator(
        "abuse_neglect_bullying",
        "Experience of physical, sexual or emotional abuse or neglect - Experience of bullying",
    ),
    Indicator(
        "online_relationships",
        "Inappropriate use of the internet and forming on-line relationships, "
        "particularly with adults",
    ),
    Indicator(
        "low_self_esteem",
        "Low self-esteem, low self-image, seeking a sense of belonging and acceptance",
    ),
    Indicator(
        "communication_difficulties",
        "Speech, language, social, emotional and communication difficulties",
    ),
    Indicator(
        "drug_alcohol_misuse",
        "Drug and alcohol misuse – particularly class A drugs",
    ),
    Indicator(
        "parental_vulnerabilities",
        "Parents / carers with a high level of vulnerabilities (mental health / substance misuse)",
    ),
    Indicator(
        "sexual_violence",
        "Sexual violence, including sexual assault, rape.",
    ),
    Indicator(
        "indecent_images_shared",
        "Indecent images being taken and shared as part of revenge or punishment",
    ),
    Indicator(
        "pregnancy_sti_clinic",
        "Teenage pregnancy and/or sexually transmitted infections and/or frequent clinic "
        "attendance",
    ),
    Indicator(
        "behaviour_change",
        "Notable changes in behaviour or habits – signs of being exploited (sexual / physical)",
    ),
    Indicator(
        "long_term_harm_history",
        "Long term history of sexual, physical and psychological harm",
    ),
    Indicator(
        "mental_health_self_harm",
        "Mental health issues including self-harm and para-suicide, psychological trauma",
    ),
    Indicator(
        "learning_disabilities",
        "Learning disabilities (Diagnosed or undiagnosed) / intellectual vulnerability",
    ),
    Indicator(
        "relationship_older_person",
        "In “relationship” with older male or female",
    ),
    Indicator(
        "gang_activity_culture",
        "Involved or associated in the gang activity / “culture” (e.g. YouTube videos)",
    ),
    Indicator(
        "family_involved_in_exploitation",
        "Family involved in sexual / criminal exploitation",
    ),
    Indicator(
        "domestic_violence_family_breakdown",
        "Experience of domestic violence and/or family breakdown",
    ),
    Indicator(
        "disclosures_of_exploitation",
        "Disclosures of exploitation through sexual, criminal (cannabis farms, petty street "
        "crimes, begging), labour / domestic servitude, drug dealing for others. Including "
        "withdrawals of disclosures.",
    ),
    Indicator(
        "conflicting_sexual_identity",
        "Conflicting sexual identity",
    ),
    Indicator(
        "internally_inserting_drugs",
        "Internally inserting drugs",
    ),
    Indicator(
        "hotel_keys_unknown_premises",
        "Found in possession of hotel key / cards or keys to unknown premises.",
    ),
    Indicator(
        "domestic_servitude",
        "Evidence of domestic servitude",
    ),
    Indicator(
        "forced_marriage_isolation",
        "Forced marriage / Forced isolation from family, friends, community",
    ),
    Indicator(
        "gifts_unexplained_money",
        "In receipt of goods or money as “gifts” or for which there is no account",
    ),
    Indicator(
        "well_cared_for_no_base",
        "Returning, looking well cared for despite no known base",
    ),
    Indicator(
        "peers_involved_in_exploitation",
        "Friendships / peers involved or associated in Children Sexual Exploitation / "
        "Criminal Exploitation / and or gangs",
    ),
    Indicator(
        "debt_bondage",
        "Debt bondage - where young person is in debt and this is used to control and punish "
        "young person",
    ),
    Indicator(
        "accompanied_by_non_guardian",
        "Is accompanied by an adult who may not be legal guardian and who insists on remaining "
        "with the child at all times (or “loiters” nearby)",
    ),
    Indicator(
        "tiredness_sleep_deprivation",
        "Tiredness and sleep deprivation",
    ),
    Indicator(
        "youth_justice_offences",
        "Youth Justice interventions or any offences (whether convicted or arrested)",
    ),
    Indicator(
        "anxiety_about_areas",
        "Anxiety about attendance at college / education sites / or particular areas",
    ),
    Indicator(
        "excessive_calls_texts",
        "Excessive receipt of texts / phone calls / unidentified callers",
    ),
    Indicator(
        "carrying_weapons",
        "Carrying weapons",
    ),
    Indicator(
        "coached_story",
        "Has a prepared story very similar to other children given – perhaps hinting they have "
        "been coached",
    ),
    # The reference reads "Registered at number addresses" (here and in the RAG table); the
    # missing words are restored.
    Indicator(
        "multiple_addresses",
        "Registered at a number of addresses",
    ),
    Indicator(
        "entered_country_illegally",
        "Entered country illegally / unable to confirm how arrived / no passport",
    ),
)

#: The footnote printed under the check list in the reference.
INDICATOR_CHECKLIST_NOTE: Final[str] = (
    "Concerns about the young person being a victim should be prioritised."
)


# ---------------------------------------------------------------------------------------------
# 2. Professional feedback form mnemonics (reference: "Young Person Exploitation Warning Signs
#    ‘SAFEGUARDS’" and "GUARDIANS")
# ---------------------------------------------------------------------------------------------

# SAFEGUARDS: heading and prompt text as in the reference. Fixes: "understating" ->
# "understanding" (twice); a duplicated "Do you" (OCR) removed under Gangs and friendships.
SAFEGUARDS_PROMPTS: Final[tuple[Prompt, ...]] = (
    Prompt(
        "sexual_health",
        "Sexual health and Sex",
        "How do you keep yourself safe regarding sexual health and sex?",
    ),
    Prompt(
        "absent_missing_late",
        "Absent from school, running away, Missing and Late",
        "How often are you absent or missing or running away, late to school etc? How do you "
        "keep safe when missing? What’s school like for you? - including travelling outside "
        "usual areas / outside MPS when missing, signs of travel. Are you going missing after "
        "phone or other contact. School exclusions, truanting, exclusion, leaving school during "
        "the school day, especially if after phone contact.",
    ),
    Prompt(
        "family_home_care",
        "Family Life, Home, Care",
        "What is life like at home, foster placement, or residential for you? Are there any "
        "worries you have? What would you change? In care or Family lack of support network. "
        "Homeless or sofa surfing. Looked After Children, especially Independent or "
        "semi-independent living. Family substance or MH issues, neglect, abuse, CP or CIN "
        "issues. Immigration Status",
    ),
    Prompt(
        "emotional_wellbeing",
        "Emotional Wellbeing and Feelings",
        "How do you feel about things at the moment? Are there any things you would change? "
        "Need for protection - carrying knives or other weapons, stab vests, speaks of debts or "
        "needing to avoid certain places, areas or persons? Special Educational Needs "
        "(statemented or not), mental health, physical health.",
    ),
    Prompt(
        "gangs_friendships",
        "Gangs and friendships",
        "Do you know anyone in a gang or criminal groups? Do you know anyone involved in crime "
        "or hurt by gangs and crime such as stabbings etc.? What are your friendships like? "
        "Gangs and Criminal Groups - association, debts, speaking about, idolisation, online "
        "following of gangs. Peers or family involved in crime",
    ),
    Prompt(
        "technology_sexual_bullying",
        "Use of technology and sexual bullying",
        "Do you use apps on phones, what’s your understanding of staying safe on line? Have you "
        "ever experienced bullying on line?",
    ),
    Prompt(
        "alcohol_drugs",
        "Alcohol and drug misuse",
        "Have you or do you use any drugs or alcohol? What’s your understanding of Substance "
        "use and the risks? Escalation or addictions. Reliance on substances.",
    ),
    Prompt(
        "receiving_gifts_money",
        "Receiving gifts and money",
        "Does anyone ever give you gifts money food etc for nothing or doing things for them? "
        "Unexplained income, cash, clothes, second phones, phone credit, extra sim cards. "
        "Travel in Taxis/Ubers. Takeaway food.",
    ),
    Prompt(
        "distrust_of_professionals",
        "Distrust of workers and professionals",
        "How do you feel about professionals? Are there any professionals you can trust or talk "
        "to? Distrust of authority figures, lack of engagement with services, failure to report "
        "assaults or other incidents of being a victim of crime or failing to engage when third "
        "parties report. Resistance to speaking with parents, carers, teachers, CSC, health, "
        "police.",
    ),
    Prompt(
        "safety_criminal_activity",
        "Safety",
        "Risk/Rise of criminal activity. Holding or moving drugs for others, acquisitive crime "
        "for another, being a victim of assaults and blackmail.",
    ),
)

# GUARDIANS: the reference gives the nine paragraphs without headings; each heading here is the
# opening phrase of its paragraph (so it starts with the mnemonic letter).
GUARDIANS_PROMPTS: Final[tuple[Prompt, ...]] = (
    Prompt(
        "gangs_criminal_groups",
        "Gangs and Criminal Groups",
        "Gangs and Criminal Groups - association, debts, speaking about, idolisation, online "
        "following of gangs. Peers or family involved in crime",
    ),
    Prompt(
        "unexplained_income",
        "Unexplained income",
        "Unexplained income, cash, clothes, second phones, phone credit, extra sim cards. "
        "Travel in Taxis/Ubers. Takeaway food.",
    ),
    Prompt(
        "absence_from_home",
        "Absence from home or placement",
        "Absence from home or placement including travelling outside usual areas / outside MPS "
        "when missing, signs of travel. Goes missing after phone or other contact.",
    ),
    Prompt(
        "rise_of_criminal_activity",
        "Risk/Rise of criminal activity",
        "Risk/Rise of criminal activity. Holding or moving drugs for others, acquisitive crime "
        "for another, being a victim of assaults and blackmail.",
    ),
    Prompt(
        "distrust_of_authority",
        "Distrust in authority figures",
        "Distrust in authority figures, lack of engagement with services, failure to report "
        "assaults or other incidents of being a victim of crime or failing to engage when third "
        "parties report. Resistance to speak with parents, carers, teachers, CSC, health, "
        "police.",
    ),
    Prompt(
        "in_care_lack_of_support",
        "In care or Family lack of support network",
        "In care or Family lack of support network. Homeless or sofa surfing. Looked After "
        "Children, especially Independent or semi-independent living. Family substance or MH "
        "issues, neglect, abuse, CP or CIN issues. Immigration Status",
    ),
    Prompt(
        "alcohol_substance_misuse",
        "Alcohol and substance misuse",
        "Alcohol and substance misuse. Escalation or addictions. Reliance on substances.",
    ),
    Prompt(
        "need_for_protection",
        "Need for protection",
        "Need for protection - carrying knives or other weapons, stab vests, speaks of debts or "
        "needing to avoid certain places, areas or persons",
    ),
    Prompt(
        "school_exclusions",
        "School exclusions",
        "School exclusions, truanting, exclusion, leaving school during the school day, "
        "especially if after phone contact. Special Educational Needs (statemented or not), "
        "mental health, physical health.",
    ),
)

#: The Signs of Safety questions that follow SAFEGUARDS on the professional feedback form:
#: (key, question, hint), wording from the reference.
FEEDBACK_FORM_QUESTIONS: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "worried_about",
        "What are you worried about?",
        "Sexual assault, sexual behaviour, unhealthy relationships, disclosures made or "
        "withdrawn, grooming or exploitation from peers / adults / other, missing episodes, "
        "education concerns, neighbourhood concerns",
    ),
    (
        "working_well",
        "What’s working well?",
        "Interventions / support, parental involvement and external controls, education, "
        "motivation by the young person, protective persons and places",
    ),
    (
        "needs_to_happen",
        "What support / information / actions would you like?",
        "Risk minimisation plan? Contingency plan?",
    ),
    (
        "danger_statement",
        "Danger statement – if nothing changes what is the worst that could happen?",
        "",
    ),
)


# ---------------------------------------------------------------------------------------------
# 3. MARVE – Risk RAG: example descriptors per category and level
# ---------------------------------------------------------------------------------------------

RAG_LEVELS: Final[tuple[str, ...]] = ("low", "medium", "high")

CATEGORY_NAMES: Final[dict[str, str]] = {
    "CSE": "Child sexual exploitation",
    "CCE": "Child criminal exploitation / county lines",
    "MSHT": "Modern slavery (human trafficking)",
    "SYV": "Gangs and serious youth violence",
    "HSB": "Harmful sexual behaviour",
    "MISSING": "High-risk missing",
    "CME": "Children missing education",
    "PREVENT": "Radicalisation (Prevent)",
    "SUBSTANCE": "Substance misuse",
    "IOM": "Integrated offender management",
}

#: Section numbers of the reference's RAG table; only these categories have reference examples.
RAG_REFERENCE_SECTION: Final[dict[str, str]] = {
    "CSE": "1.1",
    "CCE": "1.2",
    "MSHT": "1.3",
    "SYV": "1.4",
    "HSB": "1.5",
}

#: Categories whose RAG examples are the reference's; the others are ContextMap's own wording.
RAG_FROM_REFERENCE: Final[frozenset[str]] = frozenset(RAG_REFERENCE_SECTION)

#: The reference's preamble to the RAG tool, to show with the guidance.
RAG_TOOL_NOTES: Final[tuple[str, ...]] = (
    "The risks of children missing from home, placement or school are significant for every "
    "indicator below and must be considered on a case by case basis, considering the context, "
    "age of child and their needs.",
    "This risk rag-tool is for discussing and making referrals, and for the MARVE Panel itself "
    "to consider. It is only a tool and professional discretion is required on a case by case "
    "basis, considering the specific context.",
    "By virtue of the Panel, all children considered are at risk of significant harm in any "
    "case. Professionals are requested to be particularly aware of gender bias when evaluating "
    "risk and need. Ragging examples are only an example and not exact.",
    "Each level includes the examples of the levels below it (“Medium (all above plus)”).",
)

# The reference's RAG table (pages 27-28) was OCR'd column by column and interleaved; the
# columns below were reassembled by reading each fragment back into its category and level.
# Normalised: first letters capitalised, "48hours" -> "48 hours", "GBH kidnap" -> "GBH, kidnap",
# "at threat of harm from due to debt" -> "at threat of harm due to debt", "Registered at number
# addresses" -> "Registered at a number of addresses", hyphenation split by OCR rejoined.
RAG_GUIDANCE: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    # 1.1 Child Sexual Exploitation (reference)
    "CSE": {
        "low": (
            "Regularly coming home late or going missing through the day or overnight",
            "Overt sexualised risk taking including on internet",
            "Unaccounted for monies or goods",
            "Associating with unknown adults or other sexually exploited children",
            "Reduced contact with family/friends",
            "Sexually transmitted infection",
            "Experimenting with drugs/alcohol",
            "Poor self-image, eating disorder, some self-harm",
        ),
        "medium": (
            "Getting into cars with unknown adults or known adults who pose a risk to children",
            "Being groomed on internet",
            "Clipping (offering sex then running on payment)",
            "Receiving a “reward” for recruiting other peers to CSE",
            "Disclosure of physical/sexual assault followed by withdrawal of complaint",
            "Reports of involvement in CSE, for example known to frequent or seen in ‘hot spots’",
            "Older boyfriend/girlfriend",
            "Non-school attendee or excluded due to behaviour",
            "Staying out overnight with no explanation",
            "Unaccounted monies/goods/mobiles, drugs, alcohol",
        ),
        "high": (
            "Child under 13 years",
            "Pattern of street homelessness and staying with an adult believed to be sexually "
            "exploiting them",
            "Meeting different adults where sex occurs",
            "Multiple miscarriages and terminations",
            "Removed from red light districts by professionals due to CSE",
            "Being taken to clubs/hotels/B&B’s for sex with adults and/or disclosure of serious "
            "physical/sexual assault and then withdrawal of allegation",
            "Abduction and/or forced imprisonment",
            "Missing without contact or support",
            "Child known to have been bought/sold",
            "Indicators of CSE in conjunction with chronic alcohol and drug use, mental health "
            "issues, self-harm",
        ),
    },
    # 1.2 Criminal Exploitation / County Lines (reference)
    "CCE": {
        "low": (
            "Missing education – or leaving after registration",
            "Frequent use of phone / multiple phones / SIMs",
            "Missing from home",
            "Reports from home / school / peers that being coerced",
            "Language of dealing",
        ),
        "medium": (
            "Indicators that being coerced, dealing Class A and/or “going country”",
            "Admits to carry a weapon for self protection",
            "Disclosures of ‘running’ drugs",
            "Missing for more than 48 hours",
            "Found in car with unknown adult",
            "States at threat of harm due to debt owed",
        ),
        "high": (
            "Arrested County PWITS Class A",
            "Found in County traphouse / cuckooed house",
            "Found with drugs in rectum or vagina",
            "Names individuals at threat of harm due to debt owed",
        ),
    },
    # 1.3 Modern Slavery (Human Trafficking) (reference)
    "MSHT": {
        "low": (
            "History of missing links and unexplained moves",
            "Unable to give explanations for movements",
            "Fear of deportation",
            "Claims to have been in UK for years but hasn’t learnt language",
        ),
        "medium": (
            "Registered at a number of addresses",
            "Indicators of domestic servitude",
            "Indicators that vulnerable to forced marriage",
        ),
        "high": (
            "Identified as being at risk of significant harm",
            "Entered country illegally / unable to confirm how arrived / no passport",
            "Evidence of being exploited into forced labour, trafficked, forced marriage or "
            "other exploitation",
            "Missing following placement due to exploitation",
        ),
    },
    # 1.4 Gangs and Serious Youth Violence (reference)
    "SYV": {
        "low": (
            "Reports from home / school / peers that involved in a named gang",
            "Use of language in relation to drug dealing / violence / gangs",
            "Identified in ‘hot spot’ areas",
            "Substance misuse",
            "There is a family history of criminal activity",
            "Suspicion / evidence that family members are involved in gangs",
            "Vulnerable child has links to gang members",
        ),
        "medium": (
            "Admits to be affiliated to a named gang",
            "Appeared in ‘gang video’",
            "Involved in violent incidents / unexplained injuries",
            "‘Brags’ about involvement in incidents",
            "In receipt of goods / money without explanation",
            "Tattoos / clothes to identify differently",
            "Member of the family has a criminal record relating to serious / violent crime, "
            "which may impact on children in household",
            "Child is involved in offending & has known peer associations which increase risk",
        ),
        "high": (
            "Identified as being at risk of significant harm",
            "Recent Incident (GBH, kidnap, firearm related)",
            "Hospitalised due to violent incident",
            "Threat to life",
            "Identified as an ‘elder’",
            "Expressions of ‘invisibility’ or not caring what happens to them",
            "A criminal record relating to serious / violent crime is held by a member of the "
            "family which is impacting on the children",
            "A child entrenched in gangs & violent crime",
            "Likely to be high risk on the Met Gangs matrix",
        ),
    },
    # 1.5 Harmful Sexual Behaviour (reference)
    "HSB": {
        "low": (
            "Single instances of inappropriate sexual behaviour",
            "Consent issues may be unclear",
            "Children of similar age",
            "Reflective of natural curiosity / experimentation",
        ),
        "medium": (
            "Problematic and concerning behaviours",
            "May include levels of compulsivity",
            "Concern in regard to age or developmental differences",
            "Potential concern due to activity type / frequency / duration",
        ),
        "high": (
            "Physically violent, highly intrusive",
            "Violence arousing to perpetrator",
            "Excessive, secretive, compulsive, coercive, degrading or threatening",
            "Involving significant age, developmental or power differences",
            "Of concern due to activity type, frequency, duration or the context in which they "
            "occur",
        ),
    },
    # High-risk missing: ContextMap's own wording (the reference's RAG table has no examples
    # for this category; themes drawn from its missing, return-interview and county-lines text).
    "MISSING": {
        "low": (
            "Single or occasional missing episode with a known, safe whereabouts",
            "Coming home later than agreed",
            "Return interview completed and the reasons for going missing understood",
        ),
        "medium": (
            "Repeat missing episodes, or missing overnight",
            "Whereabouts or who they were with while missing not known",
            "Going missing after phone or other contact",
            "Returned by, or seen with, unknown adults or older peers while missing",
        ),
        "high": (
            "Frequent or prolonged missing episodes with no known whereabouts",
            "Located outside the usual area with no apparent means or reason to have "
            "travelled there",
            "Harm suffered or disclosed while missing",
            "Missing with, or found with, a person of concern or at a location of concern",
        ),
    },
    # Children missing education: ContextMap's own wording (no examples in the reference).
    "CME": {
        "low": (
            "Irregular attendance or persistent lateness",
            "Leaving school during the school day",
            "Reduced timetable with a plan to return to full-time education",
        ),
        "medium": (
            "Persistent absence, or receiving less than 25 hours a week of registered education",
            "Excluded or at risk of exclusion",
            "Delay in accessing alternative provision",
        ),
        "high": (
            "Not on any school roll and education arrangements unknown",
            "Missing education alongside missing episodes or other indicators of exploitation",
            "Excluded for harmful sexual behaviour or violence with no alternative provision "
            "in place",
        ),
    },
    # Radicalisation (Prevent): ContextMap's own wording (no examples in the reference).
    "PREVENT": {
        "low": (
            "Expressing interest in extremist views without apparent intent to act",
            "Isolated or seeking a sense of identity and belonging",
        ),
        "medium": (
            "Accessing or sharing extremist material online",
            "Contact with individuals or groups known to promote extremist ideologies",
            "Changes in behaviour, friendships or appearance linked to an ideology",
        ),
        "high": (
            "Expressing support for violence in the name of an ideology",
            "At risk of being groomed or directed by others towards extremist activity",
            "Known to be in contact with people involved in terrorism",
        ),
    },
    # Substance misuse: ContextMap's own wording (no examples in the reference).
    "SUBSTANCE": {
        "low": (
            "Experimenting with alcohol or cannabis",
            "Limited understanding of the risks of substance use",
        ),
        "medium": (
            "Regular substance use affecting education, health or relationships",
            "Substances supplied by older peers or adults",
            "Substance use linked to missing episodes",
        ),
        "high": (
            "Use of Class A drugs, or dependency",
            "Substances used to control the child or to create a debt",
            "Hospital attendance related to substance use",
        ),
    },
    # Integrated offender management: ContextMap's own wording (no examples in the reference).
    "IOM": {
        "low": (
            "First-time or low-level offending",
            "Engaging with youth justice interventions",
        ),
        "medium": (
            "Repeat offending",
            "Offending alongside older peers or adults",
            "Reduced engagement with youth justice interventions or breach of an order",
        ),
        "high": (
            "Serious or violent offending (for example weapon-related offences, GBH, robbery)",
            "Offending believed to be directed or coerced by others (consider as a victim first)",
            "Identified as posing a risk of serious harm to others",
        ),
    },
}


# ---------------------------------------------------------------------------------------------
# 4. MARVE panel agenda (reference: "Agenda ... MARVE – Multi-agency Risk, Vulnerability and
#    Exploitation Panel", venue Guildhall 2)
# ---------------------------------------------------------------------------------------------

MARVE_AGENDA: Final[tuple[AgendaItem, ...]] = (
    AgendaItem(
        1,
        "Introductions and apologies",
        5,
        "Chair",
        ("Reminder - Confidentiality and information sharing protocol",),
    ),
    AgendaItem(
        2,
        "Minutes and outstanding actions",
        10,
        "Chair",
        ("Please advise admin prior to panel of completed actions",),
    ),
    AgendaItem(
        3,
        "Places of Concern / People of Concern",
        15,
        "All",
    ),
    AgendaItem(
        4,
        "Overview of themes and trends",
        15,
        "All",
        (
            "Review of a sample CSE & CCE low level cases that did not meet the threshold for "
            "MARVE panel. Information to be gathered via audit process",
            "Feedback from Phoenix Project",
            "Prevent/Radicalisation Panel - are there any common children?",
        ),
    ),
    AgendaItem(
        5,
        "Sexual Exploitation & Harmful Sexual Behaviour cases - existing & new",
        60,
        "All",
        (
            "To include: K&R children placed out of borough",
            "To include: Out of borough children placed in K&R",
            "New cases to be presented: overview of risk factors and support required",
        ),
    ),
    AgendaItem(
        6,
        "Criminal Exploitation",
        15,
        "YOS / Police",
        ("Overview of new cases & cases returning to panel",),
    ),
    AgendaItem(None, "Break", 10),
    # The reference names an individual officer as lead for item 7; ContextMap records the role.
    AgendaItem(
        7,
        "Missing & Children Missing Education (including children who have been excluded "
        "from school for sexually harmful behaviour)",
        20,
        "Missing / CME lead",
        (
            "Overview of medium risk & recidivist missing children and for those who are not "
            "included elsewhere on the agenda a brief summary of the safety plan",
        ),
    ),
    AgendaItem(
        8,
        "Gangs, Groups & any young person posing risk to others (including knife crime & "
        "moped/scooter enabled crime nominals)",
        10,
        "All",
        ("Including those known to YOS / IOM",),
    ),
    AgendaItem(
        9,
        "Any other business, Next Meeting, Venue",
        10,
        "All",
    ),
)


# ---------------------------------------------------------------------------------------------
# 5. Disruption measures (reference: Section 3 "Guide to disruption and prosecution of
#    perpetrators")
# ---------------------------------------------------------------------------------------------

DISRUPTION_MEASURES: Final[tuple[tuple[str, str], ...]] = (
    ("CAWN", "Child Abduction Warning Notice (CAWN)"),
    ("SHPO", "Sexual Harm Prevention Order (SHPO)"),
    ("SRO", "Sexual Risk Order (SRO)"),
    ("STPO", "Slavery and Trafficking Prevention Order (STPO)"),
    ("STRO", "Slavery and Trafficking Risk Order (STRO)"),
    ("CLOSURE_NOTICE", "Closure notice (police or council, up to 48 hours)"),
    ("CLOSURE_ORDER", "Closure order (court, up to six months)"),
    ("CBO", "Criminal Behaviour Order"),
    ("NOTIFICATION_ORDER", "Notification Order"),
    ("NON_MOLESTATION_ORDER", "Non-Molestation Order"),
    ("EXCLUSION_ORDER", "Exclusion Order"),
    ("WARDSHIP_INJUNCTION", "Wardship / injunction"),
    ("INCREASED_PATROLS", "Increased police presence in suspected hotspots (online or offline)"),
    ("INCREASED_POLICE_ATTENTION", "Increased police attention on an individual"),
    ("OTHER_CRIME_INVESTIGATION", "Investigation of other crime types such as drugs or theft"),
    ("LICENSING_VISIT", "Licensing visit / use of licensing laws and powers"),
    ("ONLINE_PROVIDER_ACTION", "Working with internet providers to address online risks"),
    ("OTHER", "Other"),
)

#: The informal (non-order) measures among DISRUPTION_MEASURES.
INFORMAL_DISRUPTION_CODES: Final[frozenset[str]] = frozenset(
    {
        "INCREASED_PATROLS",
        "INCREASED_POLICE_ATTENTION",
        "OTHER_CRIME_INVESTIGATION",
        "LICENSING_VISIT",
        "ONLINE_PROVIDER_ACTION",
    }
)


# ---------------------------------------------------------------------------------------------
# 6. Signs of Safety scales (0-10) from the MARVE professional feedback form
# ---------------------------------------------------------------------------------------------

SIGNS_OF_SAFETY_SCALES: Final[tuple[tuple[str, str], ...]] = (
    (
        "safety",
        "Safety: Rate the situation on a scale 0 – 10, 10 means: (YP) is not feeling "
        "intimidated or at threat from others, they haven’t been a victim of grooming or sexual "
        "assault recently and they feel safe to travel between home and other locations. And 0 "
        "means: (YP) is at significant risk of harm, they have been recently seriously "
        "assaulted, they are currently in an exploitive relationship, they feel unsafe and/or "
        "others believe their life to be in danger.",
    ),
    (
        "support",
        "Support: Rate the situation on a scale 0 – 10, 10 means: (YP) and the important people "
        "around him/her are co-operating with workers / teams providing support. (YP) feels "
        "respected and has faith that they are supported by their worker(s). And 0 means: (YP) "
        "and the important people around him/her do not trust the workers / teams providing "
        "support and there is no cooperation in the intervention.",
    ),
    (
        "success",
        "Success: Rate the situation on a scale 0 – 10, 10 means: (YP) has his/her life in "
        "order and has the life he/she wants and is heading towards a great future. And 0 "
        "means: (YP)’s life is a mess and he/she is not getting the future he/she wants.",
    ),
    (
        "serious_harm_to_others",
        "Serious harm to others: Rate the situation on a scale 0 – 10, 10 means: (YP) has not "
        "physically, sexually or emotionally harmed anyone else for more than 1 year and has no "
        "plans to harm another. The chance that he/she will harm another is very small. And 0 "
        "means: We know for sure that (YP) has plans to harm another person or is actively "
        "involved in behaviour that is or could be seriously harmful to others.",
    ),
    # The reference gives only the label "Overall scale of concern" with a 0-10 scale; the
    # anchors after it are ContextMap's own wording, oriented like the four scales above
    # (10 = safe, 0 = serious harm).
    (
        "overall",
        "Overall scale of concern: Rate the situation on a scale 0 – 10, 10 means: everyone "
        "involved is confident that (YP) is safe enough for MARVE oversight to end. And 0 means: "
        "(YP) is at such serious risk of harm that immediate protective action is needed.",
    ),
)


# ---------------------------------------------------------------------------------------------
# 7-8. Persons of concern (reference: Glossary, "Persons of Concern (POC)" and
#      "Excluded POC cases"; process: Section 2)
# ---------------------------------------------------------------------------------------------

POC_DEFINITION: Final[str] = (
    "A ‘person of concern’ is someone who ‘appears to be developing a friendship or "
    "relationship based on power over a child by virtue of their age, gender, intellect, "
    "physical strength and/or economic or other resources’."
)

FAMILIAL_ABUSE_REFUSAL: Final[str] = (
    "A person-of-concern referral cannot be made for familial abuse. Referrals to CSE / CCE "
    "Persons of Concern should not be made in relation to familial child abuse, including "
    "familial child sexual exploitation where parents or family members control or facilitate "
    "the exploitation. These concerns are tracked through the Child Protection route, in "
    "conjunction with the Child Abuse Investigation Team of the Metropolitan Police. "
    "Please discuss the concern with your agency's Designated Safeguarding Lead and refer it "
    "without delay (within 24 hours) to the children's services front door - in Kingston and "
    "Richmond the Single Point of Access (SPA), which initiates the MASH. "
    "If a child is in immediate danger, call 999."
)
