"""Sample routines for ``atagande console --demo``, so ``/rutin`` has something to find.

Written for the demo (no text from real documents) and kept short: the routines
a school committee, a social services committee and the municipal board would
look up, several of them the very routines the demo's commitments are about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DemoRoutine:
    title: str
    owner: str
    revised: date
    aliases: tuple[str, ...]
    body: str
    # The demo commitments it is linked to, by reference: ("BUN", 2) is BUN-2.
    linked: tuple[tuple[str, int], ...] = ()


ROUTINES = (
    DemoRoutine(
        "Rutin för orosanmälan",
        "Barn- och utbildningsförvaltningen",
        date(2025, 8, 11),
        ("anmälan till socialtjänsten", "barn som far illa"),
        "Den som arbetar i förskola, skola eller fritidshem och får veta eller misstänker att ett barn far illa "
        "ska genast anmäla det till socialnämnden. Skyldigheten är personlig och kan inte lämnas över till någon "
        "annan.\n\n"
        "1. Skriv ner vad du har sett eller hört, med datum och tid. Håll dig till det du vet.\n"
        "2. Berätta för rektor samma dag. Rektor ser till att anmälan görs, men du kan alltid anmäla själv.\n"
        "3. Anmäl i kommunens e-tjänst eller ring socialtjänstens mottagning. Är barnet i akut fara: ring 112.\n"
        "4. Rektor noterar att anmälan är gjord och bestämmer med elevhälsan vilket stöd eleven behöver i skolan.\n\n"
        "Rektor går igenom rutinen med all personal vid varje läsårsstart.",
        linked=(("BUN", 2),),
    ),
    DemoRoutine(
        "Samverkan mellan skola och socialtjänst kring barn som far illa",
        "Barn- och utbildningsförvaltningen och socialförvaltningen",
        date(2023, 2, 6),
        ("samverkansrutin skola socialtjänst", "BUS"),
        "Skolan och socialtjänsten träffas två gånger per termin på varje skolområde för att gå igenom hur "
        "samarbetet fungerar, utan att tala om enskilda elever.\n\n"
        "När en anmälan är gjord kan socialtjänsten bjuda in skolan till ett möte med eleven och vårdnadshavarna. "
        "Skolan utser en kontaktperson, oftast kurator, som håller i kontakten.\n\n"
        "Uppgifter om en enskild elev lämnas bara när sekretessen tillåter det eller vårdnadshavarna har samtyckt.",
        linked=(("BUN", 1),),
    ),
    DemoRoutine(
        "Riktlinje för elevhälsans medicinska insatser",
        "Elevhälsan, medicinskt ledningsansvarig skolsköterska",
        date(2024, 9, 2),
        ("EMI", "skolhälsovård"),
        "Elevhälsans medicinska insatser ges av skolsköterska och skolläkare. Varje elev erbjuds hälsobesök "
        "enligt basprogrammet; fritidshemmets personal hänvisar till skolsköterskan vid frågor om hälsa.\n\n"
        "Läkemedel ges i skolan och på fritidshemmet bara enligt skriftlig överenskommelse med vårdnadshavare. "
        "Avvikelser rapporteras till den medicinskt ledningsansvariga skolsköterskan samma dag.",
        linked=(("BUN", 3),),
    ),
    DemoRoutine(
        "Samordnad individuell plan (SIP)",
        "Socialförvaltningen och regionens närsjukvård",
        date(2025, 1, 20),
        ("SIP",),
        "En SIP upprättas när en person behöver insatser från både kommunen och regionen och samordning behövs "
        "för att insatserna ska räcka till. Den som först ser behovet kallar till SIP-möte, med personens "
        "samtycke.\n\n"
        "Mötet hålls inom fyra veckor från kallelsen. Planen anger vem som gör vad, vem som har huvudansvaret "
        "och när planen ska följas upp. Personen och närstående som hen vill ha med deltar i mötet.",
        linked=(("SN", 1),),
    ),
    DemoRoutine(
        "Delegationsordning för socialnämnden",
        "Socialnämnden",
        date(2025, 12, 10),
        ("delegation", "delegeringsordning"),
        "Delegationsordningen anger vilka beslut nämnden har lämnat till ett utskott eller en tjänsteperson. "
        "Den som fattar ett beslut på delegation dokumenterar det i verksamhetssystemet.\n\n"
        "Beslut på delegation anmäls till nämnden vid nästa sammanträde. Ärenden av principiell betydelse "
        "lämnas alltid till nämnden.",
    ),
    DemoRoutine(
        "Rutin för hantering av klagomål och synpunkter",
        "Kommunledningskontoret",
        date(2024, 5, 27),
        ("synpunktshantering", "klagomålshantering"),
        "Den som vill lämna en synpunkt eller ett klagomål gör det i kommunens e-tjänst, per brev eller muntligt. "
        "Den som tar emot ett muntligt klagomål skriver ner det.\n\n"
        "Klagomålet registreras och skickas till ansvarig chef, som svarar inom tio arbetsdagar. Förvaltningen "
        "sammanställer klagomålen en gång per år och redovisar dem för nämnden.",
    ),
    DemoRoutine(
        "Rutin för uppföljning av revisionens rekommendationer",
        "Kommunledningskontoret",
        date(2025, 10, 6),
        ("revisionsuppföljning", "årshjul för revisionen"),
        "När nämnden har svarat på en granskning registrerar nämndsekreteraren åtagandena i svaret, med "
        "ansvarig och slutdatum.\n\n"
        "De ansvariga rapporterar status löpande. Nämnden får en samlad uppföljning två gånger per år, i april "
        "och i oktober, och revisorerna får samma underlag inför sin uppföljande granskning.",
        linked=(("KS", 1),),
    ),
)
