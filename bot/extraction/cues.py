"""The Swedish cues the classifier reads, as regular expressions over folded text.

Every pattern matches text folded by `bot.language.normalize.match_text` (lower
case, å/ä → a, ö → o, é → e, OCR digits inside words read as letters). The
patterns are written with å, ä and ö and compiled by `sv`, which turns each into
the letters OCR leaves for it in municipal PDFs: "nämnden" also matches
"nimnden" and "ndmnden", "förvaltningen" also "fervaltningen" and
"foervaltningen" (from "férvaltningen", "foérvaltningen"), "är" also "4r" and
"dr".
"""

from __future__ import annotations

import re

__all__ = ["sv"]

_OCR = {
    "ä": "(?:ae|ea|a|e|i|d|4)",
    "ö": "(?:oo|oe|eo|o|e)",
    "å": "(?:a|d|4)",
}


def sv(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in Swedish so that it also matches OCR-damaged folded text."""
    return re.compile("".join(_OCR.get(ch, ch) for ch in pattern))


# A few words between a verb and its complement ("avser förvaltningen under hösten att").
_GAP = r"(?:[^\s.;:!?]+\s+){0,4}?"
_GAP2 = r"(?:[^\s.;:!?]+\s+){0,2}?"
# The same, but not into a relative clause ("det samverkansarbete som pågår" describes, it does not promise).
_NEAR = r"(?:(?!som\b|vilket\b|vilka\b|där\b)[^\s.;:!?]+\s+){0,2}?"

# --------------------------------------------------------------------------- #
# Commitments: what the answering side promises to do
# --------------------------------------------------------------------------- #

# "kommer att", "kommer förvaltningen under våren att"; the verb is captured.
KOMMER_ATT = sv(
    r"\bkommer\s+(?!(?:till|från(?!\s+och\s+med)|in|fram|ut|upp|med|överens|åt|bort|tillbaka|hem|ihåg|i\s+fråga|ifråga)\b)"
    r"(?:(?:[^\s.;:!?]+|bl\.\s?a\.|t\.\s?ex\.)\s+){0,6}?at?t\s+(?P<verb>[^\W\d_]+)(?:\s+(?P<next>[^\W\d_]+))?"
)
# "kommer" without "att" before an infinitive ("Kommunen kommer även i fortsättningen följa lagarna", "kommer
# planen gå ut på remiss"), as officials write it: the words after "kommer" that are no motion ("kommer till").
KOMMER_BARE = sv(
    r"\bkommer\s+(?!(?:till|från|in|fram|ut|upp|med|överens|åt|bort|tillbaka|hem|ihåg|i\s+fråga|ifråga|at?t)\b)"
    # "När du klickar på rutan kommer du till en samlingssida": the reader arrives somewhere
    r"(?!(?:du|ni)\s+(?:till|in|fram|ut|åt|tillbaka|vidare)\b)"
    # a time between them: "Region Norrbotten kommer under 2018 ta fram en handlingsplan"
    # "kommer man bl.a. upphandla entreprenörer": an abbreviation between them too
    r"(?P<rest>(?:(?:[^\W\d_]+|(?:19|20)\d\d|bl\.\s?a\.|t\.\s?ex\.)\s+){0,4}[^\W\d_]+)"
)
# Words ending in -a after "kommer" that are no infinitive ("kommer nästa vecka", "kommer nya regler").
NOT_INFINITIVE = frozenset(
    {
        *("nasta", "forsta", "andra", "sista", "hela", "flera", "manga", "alla", "samma", "egna", "stora", "nya"),
        *("olika", "enda", "basta", "svenska", "dessa", "denna", "sina", "vara", "bada", "fyra", "tva", "tre"),
        *("vecka", "veckan", "manga", "fa", "sma", "aldre", "yngre", "darefter", "sedan", "framfor", "bara"),
        *("extra", "ena", "nagra", "inga", "vilka", "sadana", "era", "dina", "mina", "vissa", "ovriga", "tidiga"),
    }
)
# Verbs of one syllable that "kommer" takes without "att": "kommer planen gå", "kommer även ske".
SHORT_INFINITIVES = frozenset(
    {"ga", "se", "ske", "ge", "bli", "ha", "ta", "sta", "gora", "na", "dra", "fa", "tas", "ses", "ges"}
)
# Intent: "avser att", "avser förvaltningen att", "har för avsikt att", "ämnar".
INTENT = sv(
    rf"\bavser\s+{_GAP}att\b|\bhar\s+för\s+avsikt\s+att\b|\bavsikt(?:en)?\s+är\s+att\b|\bär\s+avsikten\s+att\b"
    r"|\bämnar\b|\b(?:åtar|åtagit)\s+sig\b|\btar\s+på\s+sig\s+att\b"
)
# A plan or target told as a noun, with a time ("planen är att det ska byggas under hösten 2020", "Målsättningen
# är att modulerna tas i bruk efter höstlovet"); without one it says what a thing will be like, or a goal.
AIM_AT = sv(
    r"\b(?:planen|tanken|målsättningen|ambitionen)\s+är\s+(?:nu\s+)?att\b|\bär\s+(?:planen|tanken)\s+att\b"
    # "En viktig prioritering för 2021 är att arbeta fram …", "Ytterligare prioriteringar år 2021 är att ta fram …"
    r"|(?P<priority>\bprioritering(?:en|ar|arna)?\b[^.;]{0,30}?\bär\s+att\b)"
    # "Vi räknar med att gatan är klar i slutet av juni": expected, by a time
    r"|\b(?:räknar|beräknar)\s+(?:vi\s+|man\s+)?med\s+att\b"
    # "Målet är att tillsammans under 2018 ta fram en handlingsplan": a goal that is an act, not an outcome
    r"|(?P<goal>\bmålet\s+är\s+att\b)(?=(?:\s+\S+){0,4}?\s+(?:ta\s+fram|genomföra|införa|upprätta|utarbeta"
    r"|färdigställa|besluta|starta|bygga|öppna)\b"
    # "Målet är att den under hösten ska beslutas i kommunfullmäktige": a decision to be taken, by a time
    r"|(?:\s+\S+){0,5}?\s+(?:ska|skall)\s+(?:beslutas|antas|fastställas|tas\s+fram|genomföras|införas|öppna)\b)"
)
PLAN = sv(
    r"\bplanerar\b|\bplaneras\b|\bär\s+(?:in)?planerad|\bär\s+(?:in)?planerat|\binplanerad|\binplanerat"
    r"|\bplanerad\s+till\b|\bplanerat\s+till\b"
    # an action plan's content: "I planen ingår också att bli klar med …", "har man som målsättning att under
    # 2019 arbeta med: …"
    r"|\bi\s+(?:\w*plan(?:en)?|handlingsplanen|åtgärdsplanen)\s+ingår\s+(?:också\s+|även\s+)?att\b"
    r"|\bhar\s+\w+\s+som\s+(?:mål|målsättning|ambition)\s+att\s+(?:under|senast|till|före|innan|i)\b"
    # a milestone planned, told as a noun: "Beräknad byggstart under sommaren 2022", "Preliminär byggstart i början
    # av 2022", "Planerad byggstart är satt till senare delen av april 2014"
    r"|\b(?:beräknad|preliminär|planerad|prognostiserad)\s+(?:byggstart|inflyttning|inflytt|driftstart|verksamhetsstart"
    r"|färdigställande|öppning|invigning|driftsättning|tillträde)\b(?=[^.;]{0,40}?\b(?:19|20)\d\d\b"
    r"|[^.;]{0,40}?\b(?:i|under|till|vecka)\s+(?:\w+\s+){0,3}?(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|vår|höst"
    r"|sommar|vinter))"
)
# An assignment: "ger förvaltningen i uppdrag att", "har fått i uppdrag att", "uppdrar åt".
_TIME_GIVEN = r"\b(?:har|hade|får|fått|fick)\s+(?:[^\s.;]+\s+){1,8}?på\s+sig\s+(?:att|för\s+att)\b"
ASSIGN = sv(
    rf"\buppdra(?:r|git|s)?\s+(?:åt|till)\b|\buppdrogs\s+(?:\w+\s+)?(?:åt|till)\b"
    # "Förvaltningschefen uppdras att återrapportera …": the one given the task is the subject
    r"|\buppdras\s+(?:\w+\s+)?att\b"
    rf"|\b(?:ges|ge|får|fått|fick|gett|ger|gav|givits|getts|gavs)\s+{_GAP}i\s+uppdrag\b"
    # "Socialförvaltningen får i uppgift att ta fram …": a task by another word
    r"|\b(?:får|fått|fick|ges|getts|gavs)\s+i\s+uppgift\s+att\b"
    r"|\bregeringen\s+ger\s+[^.;]{1,120}?\buppdrag\s+(?:att|enligt\s+(?:nedan|följande))\b"
    r"|\bi\s+uppdrag\s+(?:att|åt)\b|\b(?:får|fått)\s+(?:också\s+|även\s+|därför\s+|nu\s+)?uppdraget\s+att\b"
    # "Vidare föreslås att uppdrag ges till kommunens styrelse och nämnder att tillvarata …"
    r"|\b(?:ett\s+)?uppdrag\s+(?:ges|gavs|lämnas)\s+(?:till|åt)\s+[^.;]{1,80}?\batt\b"
    # "Kommunledningskontoret får istället ett uppdrag att …", "BUN delegerar till arbetsutskottet att …"
    r"|\b(?:får|fått|fick)\s+(?:istället\s+|också\s+|även\s+|nu\s+)?ett\s+(?:nytt\s+)?uppdrag\s+att\b"
    r"|\bdelegera(?:r|de|t|s)?\s+(?:\w+\s+)?till\s+[^.;]{1,80}?\batt\b"
    # "Nämnden gav klartecken för att handla upp en entreprenad …": a go-ahead to act
    r"|\b(?:ger|gav|gett|har\s+gett|ges|gavs|fått|får)\s+klartecken\s+(?:för|till)\s+att\b"
    r"|" + _TIME_GIVEN
)
# A time given to do it in, whatever the tense: "Skolan har till den 21 september på sig att åtgärda bristerna".
TIME_GIVEN = sv(_TIME_GIVEN)
# What was decided, up to its "att": "beslutar (därmed) att", "fastslogs också att", "Beslut fattades om att",
# "fattade beslut om att". What follows is the decision; what came before it led to it.
_DECIDED = (
    # "Kommunstyrelsen beslutade 14 september 2016 § 132 att …": its day and paragraph between.
    r"\b(?:(?:beslutar|beslutade|har\s+beslutat|beslöt|fastslogs)\s+"
    # "beslöt trafiknämnden vid sitt möte idag att …": the meeting it was taken at between
    r"(?:(?:[\w-]+\s+(?:och\s+)?){0,3}?(?:vid|på)\s+(?:sitt|dagens|[\w-]+s)\s+(?:\w+\s+)?(?:möte|sammanträde)\w*\s+"
    r"(?:(?:i\s?dag|igår|den\s+\d{1,2}\s+\w+(?:\s+\d{4})?)\s+)?)?"
    r"(?:\w+\s+){0,2}?(?:(?:den\s+)?\d{1,2}\s+\w+"
    r"(?:\s+\d{4})?\s+(?:§\s*\d+\s+)?)?"
    # "Beslut togs att man inom förvaltningen ska …" (without "om" too)
    r"|beslut\s+(?:fattades|togs)\s+(?:\w+\s+)?(?:om\s+)?|fattade\s+(?:\w+\s+)?beslut\s+om\s+)att\s+"
)
DECIDED_THAT = sv(_DECIDED)
# What an answer is said to hold: "Av svaret framgår bland annat att samtliga styrdokument ska omarbetas …".
STATED_THAT = sv(
    # "Av svaret framgår att", "I SiS yttrandet till IVO framgår det att"
    r"\b(?:(?:av|i)\s+(?:[^\s.;,]+\s+){0,2}?(?:svar|yttrande|beslut|plan)(?:et|t|en)?(?:\s+till\s+[^\s.;,]+)?"
    r"\s+framgår(?:\s+det)?|svaret\s+innebär"
    # what a decision brings: "Nytt i regleringsbrevet är att Polis- och Åklagarmyndigheterna gemensamt ska …"
    r"|^\W*nytt\s+(?:i\s+\w+\s+)?är|(?:regleringsbrevet|beslutet|uppdraget)\s+(?:innebär|anger|slår\s+fast)"
    # a decision's outcome told as news: "står det nu klart att Räddningstjänsten Fyrbodal ska bildas …"
    r"|\bstår(?:\s+det)?(?:\s+nu)?\s+klart"
    # what taking part brings for the speaker: "Att vara med i … innebär att vi ska sprida information …"
    r"|\binnebär(?=\s+att\s+(?:vi|kommunen|regionen|\w*nämnden|\w*förvaltningen)\s))"
    r"\s+(?:(?!inte\b|ej\b)\w+\s+){0,2}?att\s+"
)
# A body deciding to act: "Nämnden beslutar att revidera rutinen", "har beslutat att omgående ge …".
DECIDES_TO = sv(_DECIDED + r"(?P<verb>\w+)")
# What a decision only settles, with nothing left to do: approving, noting, adopting, passing on.
FORMAL_DECISIONS = frozenset(
    {
        *("godkanna", "notera", "anta", "faststalla", "overlamna", "lagga", "tillstyrka", "avsla", "bifalla"),
        *("anse", "besvara", "yttra", "avge", "fora", "ga", "hanvisa", "delegera", "utse", "bevilja", "avslå"),
        *("foresla", "rekommendera", "uppmana", "tacka", "justera", "godkanner", "att"),
        # settled at the meeting itself: sent back for more work, or a thing not to be done
        *("aterremittera", "avsta", "bordlagga"),
        # an appointment made at the meeting: "beslutade i måndags att anställa Susanne Wirdemo som kommundirektör"
        *("anstalla", "entlediga", "valja", "forordna"),
    }
)
# A completion estimate: "beräknas vara färdig", "ska vara klart", "planeras vara slutfört".
COMPLETION = sv(
    rf"\b(?:beräknas|förväntas|planeras|bedöms|ska|skall|kommer\s+att)\s+{_GAP2}(?:vara\s+|bli\s+|kunna\s+|att\s+)?"
    # (not a noun: "ska genomförandet av planens intentioner ske" has its verb later)
    r"(?:klar|klart|klara|färdig|färdigt|färdiga|slutför(?!ande)\w*|genomför(?!ande)\w*|färdigställ(?!ande)\w*"
    r"|på\s+plats|implementera\w*|infört|införd|införas|antagen|antaget|antas|fastställ(?!ande)\w*|beslutad|beslutat|beslutas"
    r"|presenteras|redovisas|avslutas|avslutad|avslutat|tas\s+fram|framtagen|framtaget|uppdaterad|uppdaterat"
    r"|reviderad|reviderat|starta\w*|påbörja\w*|igång|i\s+gång)\b"
    # an estimated end of works: "Ledningsarbetet beräknas pågå fram till mars 2017", "Beräknat slutdatum: …"
    r"|\b(?:beräknas|planeras|bedöms|väntas|förväntas|är\s+planera[dt]\s+att)\s+(?:\w+\s+)?pågå\s+(?:fram\s+)?"
    r"(?:till|t\.?\s?o\.?\s?m\.?|under\s+(?:hela\s+)?(?:(?:19|20)\d\d|vår\w*|höst\w*|sommar\w*|vinter\w*|året|\w+\s+(?:19|20)\d\d))\b"
    # a decision expected at a time: "Nya mål beräknas gå till beslut i fullmäktige i juni"
    r"|\b(?:beräknas|planeras|väntas|förväntas)\s+(?:\w+\s+)?(?:gå\s+till\s+beslut|behandlas|tas\s+upp)\b"
    r"|\bberäkna[dt]\s+(?:slutdatum|färdigdatum|klardatum|slutförande)\b"
)
# Work under way: "ett arbete pågår med att", "pågår ett utvecklingsarbete", "har påbörjats".
ONGOING = sv(
    r"\b(?:ett|det)\s+(?:\w+\s+)?arbete\s+med\s+(?:att\s+)?(?:[^\s.;:!?]+\s+){0,12}?(?:pågår|har\s+påbörjats"
    r"|påbörjas|har\s+inletts|inleds|har\s+startats|startar|har\s+initierats|har\s+startat)\b|"
    rf"\b(?:arbete|arbetet|översyn|översynen|utredning|utredningen|projekt|projektet|revidering|revideringen"
    rf"|kartläggning|kartläggningen|utvärdering|utvärderingen|analys|analysen|\w+arbete|\w+arbetet)\s+{_NEAR}"
    r"(?:pågår|har\s+påbörjats|påbörjas|har\s+inletts|inleds|har\s+startats|startas|har\s+startat|har\s+initierats"
    r"|initieras|är\s+påbörjat|är\s+påbörjad|är\s+igång|är\s+i\s+gång|pågått)\b"
    rf"|(?<!som\s)\bpågår\s+(?:nu\s+|just\s+nu\s+|för\s+närvarande\s+|även\s+|också\s+|sedan\s+\S+\s+)?"
    r"(?:ett|en|arbete|översyn|utveckling|\w*arbete)\b"
    rf"|\bhar\s+{_GAP2}(?:påbörjat|inlett|startat|initierat)\s+{_GAP}(?:\w*arbete|översyn|utredning|projekt|revidering)"
    r"|\bär\s+under\s+(?:framtagande|utarbetande|revidering|bearbetning|uppbyggnad|översyn)\b|\bhåller\s+på\s+att\b"
)
# A piece of work that goes on at a time: "I mars–april fortsätter inventeringen", "Under hösten fortsätter
# utbyggnaden av fibernätet" (the classifier wants a time with it).
CONTINUES_WORK = sv(
    r"\bfortsätter\s+(?:\w+\s+)?\w{3,}(?:ningen|ingen|tionen|arbetet|projektet|byggnaden|satsningen|översynen)\b"
)
# Coming back with something: "återkommer till nämnden med en redovisning".
RETURN_WITH = sv(
    r"\båterkomm(?:er|a)\s+(?:[^\s.;:!?]+\s+){0,4}?med\b|\båterkomm(?:er|a)\s+till\s+(?:nämnd|revisor|styrelse)"
)
# Continuing an activity: "fortsätta med", "fortsätter arbetet med".
CONTINUE = sv(
    r"(?<!\bdet\s)(?<!\bden\s)(?<!\bde\s)(?<!\bett\s)(?<!\ben\s)"  # "i det fortsatta arbetet" is no promise
    r"\bfortsätt(?:a|er)\s+(?:att\b|med\b|arbetet\b|sitt\b|det\b|\w+a\b)"
)
# Already so today: "hålls redan i dag två gånger per år" tells, it does not promise.
CURRENT = sv(r"\bredan\b|\bi\s*dag\b|\bsedan\s+(?:tidigare|länge|flera\s+år)\b|\bsom\s+tidigare\b")
# Modal "ska/skall"; judged in context by the classifier.
SKA = sv(r"\bska(?:ll)?\b")
# Reporting back to the committee: carries a finding's deadline or rhythm.
REPORT_BACK = sv(
    r"\b(?:åter)?rapportera(?:s|r)?\b|\bredovisa(?:s|r)?\b|\båterkoppla(?:s|r)?\b|\bföljas\s+upp\b"
    r"|\bfölj(?:s|er)\s+upp\b|\butvärdera(?:s|r)?\b|\bstäm(?:s|mas)\s+av\b"
)
# Words that predict rather than promise after "kommer att" ("Detta kommer att bidra till").
PREDICTION_VERBS = frozenset(
    {
        *("bidra", "leda", "innebara", "medfora", "paverka", "underlatta", "oka", "minska", "krava", "kravas"),
        *("behovas", "behova", "kosta", "resultera", "gynna", "ge", "bli", "finnas", "ha", "kunna", "fa"),
        *("forsvinna", "forandras", "variera"),
        # what a thing will be like, not what anyone does: "Vägen kommer tidvis att vara avstängd", "Stationen
        # kommer att omfatta 2 250 kvadratmeter" ("vara klar" is still a completion)
        *("vara", "omfatta", "rymma", "innehalla", "pragla", "praglas", "dominera", "kannetecknas"),
        *("innebaera", "medfoera", "paeverka", "sta", "synas", "marka", "marka", "upplevas", "uppsta"),
        # what a plan will consist of or rest on, whom it will touch ("Utvärderingen kommer att bestå av …")
        *("besta", "utga", "beroras", "handla"),
        # a level or a role: "Kommunalskatten kommer även 2019 att ligga på 21,61 kronor", "Analysen kommer att
        # utgöra underlag till …"
        *("ligga", "utgora"),
        # where a thing will run and what it will offer: "Gång- och cykelvägen kommer att sträcka sig från …",
        # "Parken kommer bland annat att erbjuda grönytor" (an actor offering still promises: see `_kommer`)
        *("stracka", "erbjuda"),
    }
)
# What befalls the subject, never its plan even when it is an actor ("Chefer och handläggare kommer att beröras").
UNDERGONE = frozenset({"beroras", "paverkas", "drabbas"})
# What a measure will bring, said of the measure itself ("Detta kommer att förbättra …"): with an actor as the
# subject ("Förvaltningen kommer att förbättra rutinen") these are promises. ("öka", "minska" predict whatever the
# subject: they are among the PREDICTION_VERBS above.)
EFFECT_VERBS = frozenset(
    {"forbattra", "starka", "forenkla", "effektivisera", "tydliggora", "sakerstalla", "hoja", "lyfta", "utveckla"}
)
# A subject that only points back ("Detta kommer att …"): a prediction, not a plan.
ANAPHORIC_SUBJECT = sv(r"^\W*(?:detta|det|denna|dessa|vilket|som)\b")
# After "kommer att vara"/"ska vara": only these make a promise ("vara klar").
DONE_WORDS = sv(
    r"^(?:klar|klart|klara|färdig\w*|slutför\w*|genomför\w*|på|implementera\w*|uppdatera\w*|revidera\w*"
    r"|antagen|antaget|fastställ\w*|känd|kända|infört|införd|tillgänglig\w*|framtagen|framtaget)$"
)

# --------------------------------------------------------------------------- #
# What is not a commitment
# --------------------------------------------------------------------------- #

# Done already: perfect and past forms ("har genomförts", "togs fram", "är klar").
PAST = sv(
    r"\b(?:har|hade)\s+(?:[^\s.;:!?]+\s+){0,3}?(?:(?!\w*(?:insats|plats|krets|test)\b)\w{3,}(?:ats|its|tts|rts|lts|nts|dts)"
    r"|genomfört|tagit|arbetat|gjort|infört|upprättat|reviderat|utvecklat|startat|beslutat|antagit|fastställt"
    r"|uppdaterat|skapat|anställt|utbildat|sett|haft|varit|blivit|fått|gett|tydliggjort|inrättat|tillsatt)\b"
    # "har minskat", "har ökat": any supine in -at right after "har" (nouns in -at excepted).
    r"|\b(?:har|hade)\s+(?:\w+\s+)?(?!(?:mandat|resultat|format|kandidat|certifikat|citat|privat|separat|underlag)\b)"
    r"\w{3,}at\b"
    r"|\b\w{3,}(?:ades|des|tes)\b|\b(?:togs|gjordes|gjorde|hölls|skedde|gavs|gav|tog|fick|beslöt|antogs|sattes"
    r"|infördes|genomfördes|fastställdes|lämnades|utsågs|visade|kom|startade|genomförde|beslutade|påbörjade"
    r"|fastställde|införde|inrättade|tillsatte|anställde|arbetade|genomfördes|tog\s+fram)\b"
    r"|(?<!\bden\s)(?<!\bdet\s)(?<!\bde\s)(?<!\ben\s)(?<!\bett\s)\b(?:vi|nämnden|förvaltningen|styrelsen|man)\s+"
    r"\w{3,}ade\b"
    r"|\b(?:är|blev|var)\s+(?:nu\s+|redan\s+)?(?:genomförd|genomfört|genomförda|klar|klart|klara|slutförd|slutfört"
    r"|avslutad|avslutat|färdigställd|färdigställt|på\s+plats|implementerad|implementerat|antagen|antaget"
    r"|framtagen|framtaget|framtagna|upprättad|upprättat|upprättade|formulerade|formulerad|formulerat)\b"
)
ASSESSMENT = sv(
    r"\bbed(?:[oed]{1,3}|ö)m(?:er|s|ning\w*|t|a|de|des|ts)?\b|\bkonstater\w*|\bvår\s+bedömning|\bvi\s+ser\s+att\b"
    r"|\bframgår\b|\benligt\s+uppgift\b|\bdet\s+finns\s+(?:en\s+)?risk\b|\bsaknas\b|\bbrister\b"
)
HEDGE = sv(
    r"\b(?:sannolikt|troligen|troligtvis|eventuellt|möjligen|möjligtvis|förhoppningsvis|kanske)\b"
    r"|\bkan\s+komma\s+att\b|\bskulle\s+kunna\b|\bvid\s+behov\b|\bom\s+möjligt\b|\bi\s+mån\s+av\b"
)
NEGATED = sv(
    rf"\b(?:kommer|avser|planerar|ska|skall|fortsätter|planeras)\s+{_GAP2}(?:inte|ej|icke)\b"
    r"|\b(?:inte|ej|icke)\s+(?:att\s+)?(?:fortsätt|komma|planera)"
    # not yet decided: "Det är inte fastslaget att alla 16 tåg kommer att beställas"
    r"|\b(?:inte|ej|icke)\s+(?:\w+\s+)?(?:fastslaget|bestämt|beslutat|klart|säkert)\s+(?:att|om|när|hur)\b"
)
# A speaker's confidence in an outcome, not a promise: "… är jag trygg med att vi kommer att hitta en bra …".
CONFIDENT = sv(
    r"\b(?:är|känner)\s+(?:jag|vi)\s+(?:mig\s+|oss\s+)?(?:trygg|trygga|övertygad|övertygade|säker|säkra|hoppfull\w*)"
    r"\s+(?:med|på|om)\s+att\b"
)
# Goal statements describe, they do not promise ("Syftet är att", "Målet syftar till att").
GOAL = sv(r"^\W*(?:syftet|målet|syfte|mål)\b[^.]{0,80}?\b(?:är\s+att|till\s+att)\b|^\W*\w+\s+syftar\s+till\b")
# How things usually go, not what will be done: "Ibland bestämmer fullmäktige att en nämnd ska utreda …".
HOW_IT_WORKS = sv(
    r"^\W*(?:ibland|oftast|ofta|vanligtvis|normalt|i\s+regel|som\s+regel|generellt|i\s+allmänhet)\b"
    # the law's rule for every body of a kind: "Varje kommun ska planera bostadsförsörjningen …"
    r"|^\W*varje\s+(?:kommun|region|landsting|huvudman|nämnd)\s+(?:ska|skall)\b"
    # "Enligt lag (2000:1383) om kommunernas bostadsförsörjningsansvar skall varje kommun …"
    r"|^\W*enligt\s+(?:lag|lagen|\w+lagen|förordning(?:en)?|\w+förordningen)\b[^.;]{0,80}?\b(?:ska|skall)\s+varje\b"
    # a provision quoted: "4 kap 1 § Grundskoleförordningen: Läsåret ska börja i augusti …"
    r"|^\W*\d+\s*kap\.?\s*\d+\s*[a-z]?\s*§"
    # a provision cited in the running text: "Vidare finns i 7 kap. 1 § att arbetet … ska …"
    r"|\b(?:finns|framgår|anges|står|föreskrivs)\s+(?:det\s+)?i\s+\d+\s*kap\.?\s*\d+\s*[a-z]?\s*§?\s*(?:\S+\s+){0,3}?att\b"
)
# A task declared done by the decision: "Stadsledningskontorets uppdrag att återkomma med förslag … förklaras slutfört".
DECLARED_DONE = sv(
    r"\b(?:förklaras|anses)\s+(?:härmed\s+|därmed\s+)?(?:slutfört|slutförd|avslutat|avslutad|fullgjort|fullgjord"
    r"|genomfört|genomförd|besvarat|besvarad|redovisat|redovisad)\b"
)
HOPE = sv(r"^\W*(?:förhoppningen|förhoppningsvis|vår\s+förhoppning)\b")
# What a motion or a citizen's proposal asks for: "Motionärerna vill att nämnden ska få i uppdrag att …".
PROPOSERS_WISH = sv(
    r"^\W*(?:\S+\s+){0,2}?(?:motionär\w*|förslagsställar\w*|medborgarförslag\w*|motionen|medborgaren|"
    r"förslagsställaren"
    # an inquiry's proposals: what the committee will do is in its answer to them
    r"|utredningen|utredaren|utredarna)\s+(?:vill|föreslår|yrkar|anser|önskar|menar|vill\s+också)\b"
    # what the auditors ask of the answer: "Revisorerna önskar senast under februari 2002 få besked om …"
    r"|^\W*(?:\S+\s+){0,2}?revisorerna\s+(?:önskar|begär|vill\s+ha|vill)\s+(?:\S+\s+){0,5}?(?:få\s+)?(?:besked|svar|yttrande"
    r"|redovisning|en\s+redovisning)\b"
)
# The audit's own process: never a commitment of the answering side.
AUDIT_META = sv(r"\brevisor\w*|\brevisionsplan\w*|\bfaktakontroll\w*|\bgranskningen\s+(?:har|avser|syftar|utgick)")
QUESTION = re.compile(r"\?\s*$")

# --------------------------------------------------------------------------- #
# Recommendations: what the auditors ask for
# --------------------------------------------------------------------------- #

RECOMMEND = sv(
    r"\brekommender(?:ar|as|a)\b|\bvår\s+rekommendation\b|\brekommendationen\s+är\b"
    r"|\bföreslår\s+(?:vi|revisorerna)\b"
    # "Därefter kommer revisorerna med ett antal rekommendationer, som att låta genomföra en analys …"
    r"|\b(?:kommer|lämnar|ger)\s+(?:\w+\s+){0,2}?med\s+(?:ett\s+antal|några|flera|följande|sina)\s+rekommendationer\b"
)
# "bör" (folded "bor"), not the verb "bo" ("som bor i kommunen"); "bér" only before a passive.
SHOULD = sv(r"\bbo{1,2}e?r\b(?!\s+(?:i|på|hos|med|kvar|tillsammans|ensam|här|där)\b)|\bber\b(?=\s+\w+as\b)")
SHOULD_DISCOURSE = sv(
    r"\bb\w{1,2}r\s+(?:det\s+)?(?:noteras|nämnas|påpekas|framhållas|understrykas|betonas|observeras"
    r"|uppmärksammas|tilläggas|sägas)\b"
)
# The auditors as a voice inside an answer ("Revisorerna rekommenderar", "enligt granskningen bör").
AUDITOR_VOICE = sv(
    r"\brevisor\w*|\bgranskning\w*|\brapporten\b|\bey\b|\bpwc\b|\bkpmg\b|\brevisionen\b|\briksrevisionen\b"
)

# A subject that can promise: the answering organisation, a unit or a role.
ACTOR = sv(
    r"\b(?:vi|nämnd\w*|\w+nämnd\w*|förvaltning\w*|\w+förvaltning\w*|styrelse\w*|\w+styrelse\w*|rektor\w*"
    r"|\w*chef\w*|enhet\w*|\w+enhet\w*|skola\w*|\w*skol(?:an|or|orna)|socialtjänst\w*|elevhälsa\w*|ledning\w*|kommunen"
    r"|samordnar\w*|ansvarig\w*|organisation\w*|verksamhet\w*|avdelning\w*|kansli\w*|sektor\w*|man|stab\w*"
    r"|strateg\w*|controller\w*|sekreterar\w*|handläggar\w*|arbetsgrupp\w*|\w+grupp\w*|huvudman\w*"
    # the provider a committee orders to act: "utföraren ska", "hemvården ska", "boendet ska"
    r"|utförar\w*|\w*hemvård\w*|\w*hemtjänst\w*|\w*boendet)\b"
)
# Verbs that only state how things are or should be ("ska fungera", "ska gå till").
STATIVE_AFTER_SKA = frozenset(
    {
        *("vara", "finnas", "fungera", "ga", "galla", "fa", "ha", "kunna", "oka", "minska", "bli", "kanna"),
        *("upplevas", "praglas", "utga", "omfatta", "innehalla", "motsvara", "spegla", "tillgodoses"),
        *("inkluderas", "beaktas", "ske", "kunnas", "mota", "inga", "behova", "vilja", "goras", "finns"),
        *("bidra", "leda", "medfora", "innebara", "underlatta", "resultera", "gynna", "praglas", "kannetecknas"),
        # deponents that look passive: "det skall synas en förflyttning", "eleverna ska trivas"
        *("synas", "kannas", "markas", "trivas", "lyckas"),
    }
)
# Words between "ska" and its verb that do not change the reading.
SKA_FILLERS = frozenset(
    {
        *("aven", "ocksa", "darfor", "nu", "framover", "fortsattningsvis", "fortsatt", "vidare", "dessutom"),
        *("alltid", "arligen", "regelbundet", "lopande", "da", "sedan", "snarast", "forst", "framgent", "i"),
        *("tydligt", "tillsammans", "gemensamt", "under", "var", "inom", "senast", "vi", "man", "de", "den"),
        # a date between "ska" and its verb: "ska senast den 29 juni 2021 skicka in"
        *("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober"),
        *("november", "december", "utgangen", "av", "arsskiftet", "halvarsskiftet"),
    }
)
# Subordinators: a "ska" after one of these describes how things work, it does not promise.
SUBORDINATORS = frozenset(
    {"hur", "som", "nar", "dar", "vad", "vilka", "vilket", "vilken", "om", "eftersom", "innan", "medan", "vem", "da"}
)

# Words without which no time phrase is possible: the grammar need not read a paragraph lacking all of them.
TIME_HINT = re.compile(
    r"\d|jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec|var(?:en|terminen|t)\b|host|sommar|vinter|senast|innan|fore"
    r"|infor|vecka|kvartal|termin|lasar|halvar|tertial|arlig|arsskift|arets|varje|gang|samband|manad|nasta|innevarande"
    r"|kommande|q[1-4]|ht|vt|pask|midsommar|\bi ar\b|\bnar\b|vid\s+\w+mote|sammantrade|per\s+\w+|vis\b"
)

# Government decisions: what surrounds a task without being one (see classify._manner_of_work).
# Whom to consult, what to heed, how it is paid: "ska samråda med", "ska beakta", "ska belasta anslag".
MANNER_VERBS = frozenset(
    {"samrada", "samverka", "samarbeta", "beakta", "inhamta", "inhamtas", "samtala", "belasta", "rekvireras", "utga"}
    # "Informationen ska grundas på undersökningar …": what a task rests on
    | {"grundas", "baseras"}
    # "Prognoserna ska kommenteras i förhållande till budgeten": how a report is written
    | {"kommenteras"}
)
# "ska ske inom ramen för …", "ska ske med beaktande av …", "ska ske i samråd med …".
MANNER_AFTER_SKE = re.compile(
    r"(?:\w+ ){0,2}?(?:inom ramen|med beaktande|under forutsattning"
    r"|i (?:nara )?(?:samrad|dialog|samarbete|samverkan))\b"
)
# "Uppdraget ska genomföras i nära dialog med …", "ska tas fram i dialog med …", "på ett kostnadseffektivt sätt".
DONE_HOW_VERBS = frozenset({"genomforas", "utforas", "tas", "bedrivas", "ske"})
MANNER_PHRASE = re.compile(
    r"^(?:\w+ ){0,2}?(?:i (?:nara )?(?:samrad|dialog|samarbete|samverkan)|pa ett \w+ satt|i ljuset|i enlig\w*)\b"
)
# A report's content, passive and undated: "För- och nackdelar ska redovisas", "Konsekvenserna ska beskrivas".
CONTENT_VERBS = frozenset({"redovisas", "beskrivas"})
DATED = re.compile(r"\b(?:19|20)\d\d\b(?!:)|\bsenast\b|\barlig|\blopande\b|\bvarje\b|\bvartannat\b|\binfor\b|\bfore\b")
# A report handed in by a date, in the passive present: "Delredovisning lämnas senast den 30 september 2021",
# "Slutredovisning presenteras senast den 15 juni 2023", "En slutredovisning av hela uppdraget lämnas senast …".
REPORT_DUE = sv(
    r"\b(?:del|slut)?(?:redovisning|rapport)\w*\b[^.;]{0,120}?\b(?:lämnas|presenteras|redovisas|överlämnas|ges\s+in)\b"
    r"[^.;]{0,120}?\bsenast\b"
    r"|\buppdrag(?:et|ets)\b[^.;]{0,160}?\b(?:ska|skall)\s+(?:del|slut)?redovisas\b[^.;]{0,120}?\bsenast\b"
    # "Slutredovisning ska göras senast den 31 januari 2017", "En delredovisning … ska ske senast …"
    r"|\b(?:del|slut)?(?:redovisning|rapport)\w*\b[^.;]{0,120}?\b(?:ska|skall)\s+(?:göras|ske)\b[^.;]{0,60}?\bsenast\b"
    # "Förslag till … ska, i enlighet med mall för programmen, lämnas till regeringen … senast den 15 oktober 2020"
    r"|\b(?:ska|skall)\b[^.;]{0,160}?\b(?:lämnas|överlämnas|ges\s+in)\s+till\b[^.;]{0,120}?\bsenast\b"
)
# A decision point in the present tense, reporting to a body by a time: "Förvaltningen återrapporterar till
# nämnden … senast den 25 oktober 2018", "Åtgärderna återrapporteras till socialnämnden under våren 2018".
REPORTS_TO = sv(
    r"\b(?:åter)?(?:rapporter|redovis|koppl|överlämn|presenter)(?:ar|as)\s+(?:tillbaka\s+)?till\s+[^.;]{0,80}?"
    r"(?:nämnd|styrelse|utskott|fullmäktige|ledning|revisor)\w*\b"
)
# A report handed in by a limit, in the active present: "Skolverket lämnar senast den 22 februari varje år en
# årsredovisning", "Senast den 1 mars varje år lämnar vi ett budgetunderlag".
# ("MAS skriver senast den 1 mars varje år en patientsäkerhetsberättelse", "Dessa skickas årligen till MAS senast
# 1 februari")
REPORTS_BY = sv(
    r"\b(?:lämnar|redovisar|rapporterar|återrapporterar|överlämnar|presenterar|skickar|skriver|sammanställer"
    r"|(?<!kan\s)skickas|(?<!kan\s)lämnas)\b[^.;]{0,60}?\bsenast\b"
    r"|\bsenast\b[^.;]{0,50}?\b(?:lämnar|redovisar|rapporterar|återrapporterar|överlämnar|presenterar|skickar|skriver"
    r"|sammanställer)\b"
)
# An order with a limit, from a supervisor: "förelägger … Trosa kommun att … senast den 24 augusti 2018 vidta
# åtgärder", "kräver att … kommunen rättar till bristerna före den 2 november 2015", "Kommunerna … har på sig
# till den 15 mars 2021 för att … redovisa".
ORDERED = sv(
    # "förelägger med stöd av 26 kap. 10 § skollagen … kommunen att": a law's chapter is no sentence's end
    r"\bförelägg(?:er|s|a)\b(?:[^.;]|\.(?=\s?\d)){0,160}?\batt\b(?=[^.;]{0,120}?\b(?:senast|före|innan)\b)"
    r"|\bkräver\s+att\b(?=[^.;]{0,160}?\b(?:senast|före|innan)\b)|\bhar\s+på\s+sig\s+(?:fram\s+)?till\b"
)
# A report made in a rhythm, in the passive present: "Vid varje tertial redovisas en uppföljning av planen",
# "Handlingsplanen redovisas socialnämnden vid vartannat sammanträde".
REPORTED_IN_RHYTHM = sv(
    r"\b(?:åter)?(?:rapporter|redovis|följ)as\b(?=[^.;]{0,120}?\b(?:varje|vartannat|årligen|månatligen|kvartalsvis"
    r"|halvårsvis|löpande)\b)|\b(?:varje|vartannat)\s+\w+\s+(?:åter)?(?:rapporter|redovis)as\b"
)
# An answer the committee owes by a day: "Revisionsrapport 2013:5 …, för yttrande senast den 24 maj 2013",
# "Remiss från kommunstyrelsen, för yttrande senast 2013-05-24".
ANSWER_DUE = sv(r"\b(?:för|med)\s+(?:yttrande|svar|besvarande|synpunkter)\s+senast\b")
# What a document is to say, not a report due: "Av remissmissivet ska det framgå att …", "Av redovisningen ska
# det bl.a. framgå …".
SAYS_WHAT = sv(r"\b(?:ska|skall)\s+det\s+(?:\S+\s+){0,2}?framgå\b")
