"""Work told in the present at a time: scheduled ("I september görs en avstämning"), ready ("blir klar sommaren
2020") or starting ("Arbetet påbörjas nu i januari 2017").

Without a time such a sentence may only say how things are done; the reader counts it as a promise only with a
time ahead of the document (or under a plan's heading that gives one, see `time_headings`).
"""

from __future__ import annotations

from bot.extraction.cues import sv

__all__ = ["READY_AT", "SCHEDULED", "SOON", "STARTS_AT"]

# Work told in the present passive, done at a time ("I september görs en avstämning av uppdragsplanen",
# "En helårsuppföljning redovisas i mars 2025", "Nämnden informeras om verksamhetsplanerna i april"). It counts
# only with a date still ahead of the document (the reader checks); with none it may be how things are done.
SCHEDULED = sv(
    r"\b(?:görs|sker|genomförs|redovisas|presenteras|informeras|följs\s+upp|ses\s+över|revideras|uppdateras"
    r"|utvärderas|införs|tas\s+fram|stäms\s+av|återrapporteras|rapporteras|kartläggs|utreds|sammanställs"
    r"|levereras|installeras|monteras|driftsätts|lanseras|påbörjas|inleds|startas|beslutas|behandlas"
    r"|byggs|upphandlas|färdigställs|anordnas|arrangeras|granskas|remitteras|skickas\s+ut|ställs\s+ut|tas\s+i\s+bruk"
    r"|(?:del|slut)(?:rapporteras|redovisas)|publiceras"
    r"|vidtas|upprättas|utarbetas|fastställs|implementeras|inrättas|etableras|öppnas|rekryteras|tillsätts"
    # estimated to happen: "Uppföljningen beräknas ske 2025", "beräknas boendet kunna öppna hösten 2023"
    r"|(?:beräknas|planeras|väntas)\s+(?:\w+\s+){0,2}?(?:kunna\s+)?(?:ske|\w{3,}as|öppna|starta|börja|stå\s+klar\w*)"
    # "Under 2023 arbetar vi med att ta fram …", "ligger uppe för beslut … under juni", "är tänkt till årsskiftet"
    r"|arbetar\s+(?:\w+\s+)?med\s+att|ligger\s+(?:uppe\s+)?för\s+beslut|är\s+tänkta?\s+till"
    # "Statskontoret lämnar en slutrapport den 1 november 2018": a report handed in on a day ahead
    r"|(?:lämnar|överlämnar)\s+(?:en\s+|sin\s+)?(?:slut|del)?(?:rapport|redovisning)\w*"
    # a decision taken at a time: "Beslut om den nya förskolan fattas i november", "Kommunfullmäktige fattar
    # slutgiltigt beslut om äldreplanen måndag 17 oktober 2022"; a report handed in: "En första rapport lämnas på
    # kommunstyrelsen i februari 2021"
    # "I höst fattar Kommunfullmäktige det slutliga beslutet om budget 2018"
    r"|fattas|(?:fattar|tar)\s+(?:\w+\s+){0,3}?beslut(?:et|en)?|(?:rapport\w*|redovisning\w*)\s+lämnas"
    # "Beslut tas av kommunfullmäktige i juni 2022", "Beslut om själva budgeten för 2020 tas i november"
    r"|\bbeslut(?:et|en)?\s+(?:[^\s.;]+\s+){0,5}?tas"
    # "Budgeten klubbas slutgiltigt av kommunfullmäktige den 28 november", "ärendet kommer till kommunstyrelsen för
    # beslut den 22 oktober", "ärendet skjuts upp till den 30 juli"
    r"|klubbas|kommer\s+(?:upp\s+)?till\s+\w+\s+för\s+beslut|skjuts\s+upp"
    # work told in the active present after a fronted time: "Under vecka 15 genomför Länsstyrelsen omkring 300
    # tillsynsaktiviteter"
    r"|^\W*(?:under|i|den|på|från|efter)\s[^,.;:]{0,40}?\s(?:genomför|arrangerar|anordnar|inleder|påbörjar|öppnar|bygger"
    r"|håller|startar)\s+(?=[A-ZÅÄÖa-zåäö])"
    # "Därefter bereder kommunstyrelsen ärendet för beslut i kommunfullmäktige i november"
    r"|bereds|bereder\s+(?:\w+\s+){0,2}?(?:ärendet|frågan|förslaget))\b"
)
# Ready at a time, in the present ("Gullvivan blir klar sommaren 2020", "Opalen är preliminärt klar i maj
# 2019"): like SCHEDULED, a promise only with a date still ahead of the document.
READY_AT = sv(r"\b(?:blir|är)\s+(?:\w+\s+)?(?:klar|klart|klara|färdig|färdigt|färdiga|färdigställd\w*)\b")
# Work that starts at a time, told in the present: "Arbetet påbörjas nu i januari 2017", "påbörjas till hösten".
STARTS_AT = sv(
    r"\b(?:påbörjas|inleds|startar|startas)\b(?=[^.;]{0,60}?\b(?:i|under|till|vecka|v\.)\s+\w"
    # "En politisk beredning … startar 2021"
    r"|\s+(?:år\s+)?(?:19|20)\d\d\b"
    # a day: "Kulturskolan startar all undervisning onsdagen den 25 augusti"
    r"|[^.;]{0,40}?\bden\s+\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec))"
    # a date fronted: "1 mars börjar ombyggnaden av biblioteket", "Den 4 maj startar arbetet", "Den 29 juli går
    # arbetet igång igen"
    r"|^\W*(?:den\s+|på\s+\w+dag(?:en)?\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*"
    r"(?:\s+\d{4})?\s+(?:börjar|startar|påbörjas|inleds|startas|går\s+(?:\w+\s+){0,4}?igång)\b"
    # starting soon: "Förvaltningen påbörjar inom kort arbetet med …", "snart inleds arbetet"
    r"|\b(?:påbörja[rs]|inled(?:er|s)|starta[rs])\s+(?:\w+\s+)?(?:inom\s+kort|snart)\b"
    r"|\b(?:inom\s+kort|snart)\s+(?:\w+\s+)?(?:påbörja[rs]|inled(?:er|s)|starta[rs])\b"
)
SOON = sv(r"\binom\s+kort\b|\bsnart\b")
