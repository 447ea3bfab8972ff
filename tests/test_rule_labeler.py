"""Tests for the rule-based stance labeler (wederhoor.labelers.rules).

All example sentences are invented; parties are fictional.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from wederhoor.labelers.rules import RuleLabeler
from wederhoor.labelers.tiers import TIERS

ACC, DEN, NEU = "accusation", "denial", "neutral"


@pytest.fixture(scope="module")
def rl() -> RuleLabeler:
    return RuleLabeler()


#: every sentence a test labels, so that the pre-check test can replay them all
SEEN: list[tuple[str, str]] = []


def check(rl: RuleLabeler, cases: list[tuple[str, str]], lang: str) -> None:
    wrong = []
    for text, gold in cases:
        SEEN.append((text, lang))
        label, fired = rl.label_one(text, lang)
        if label != gold:
            wrong.append(f"{gold} != {label} {fired}: {text}")
    assert not wrong, "\n".join(wrong)


def check_not(rl: RuleLabeler, cases: list[tuple[str, str]], lang: str) -> None:
    """Like ``check``, for sentences whose label must not be the one given (where either of
    the other two is defensible)."""
    wrong = []
    for text, refused in cases:
        SEEN.append((text, lang))
        label, fired = rl.label_one(text, lang)
        if label == refused:
            wrong.append(f"not {refused}, got {label} {fired}: {text}")
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------------- Dutch


def test_nl_ontkennen_all_forms(rl: RuleLabeler) -> None:
    check(rl, [
        ("Wethouder Brinkman ontkent elke betrokkenheid bij de aanbesteding.", DEN),
        ("Ik ontken dat ik geld heb aangenomen.", DEN),
        ("De directie ontkende gisteren dat er gif is geloosd.", DEN),
        ("Beide verdachten ontkenden alle feiten.", DEN),
        ("Dat werd door de club nadrukkelijk ontkend.", DEN),
        ("Na urenlang verhoor bleef de ontkenning van de penningmeester overeind.", DEN),
        ("De burgemeester blijft ontkennen dat hij op de hoogte was.", DEN),
    ], "nl")


def test_nl_separable_and_other_denial_verbs(rl: RuleLabeler) -> None:
    check(rl, [
        ("De rederij spreekt de berichten over illegale lozingen tegen.", DEN),
        ("De woordvoerder sprak dat gisteren met klem tegen.", DEN),
        ("Het ministerie heeft die lezing altijd tegengesproken.", DEN),
        ("De verdediging weerlegt de conclusies van het rapport punt voor punt.", DEN),
        ("Transportbedrijf Vermeulen betwist dat het de normen heeft overschreden.", DEN),
        ("De trainer wijst elke verantwoordelijkheid voor het incident van de hand.", DEN),
        ("Zij wees de beschuldigingen van omkoping resoluut af.", DEN),
        ("De partijvoorzitter noemt de aantijgingen complete onzin.", DEN),
        ("Het verhaal is volgens de gedeputeerde uit de lucht gegrepen.", DEN),
        ("De wethouder noemde het artikel pure laster.", DEN),
        ("'Dit is een heksenjacht', reageert de advocaat van de burgemeester.", DEN),
    ], "nl")


def test_nl_implicit_denials(rl: RuleLabeler) -> None:
    check(rl, [
        ("'Wij hebben niets te verbergen', zegt de directeur.", DEN),
        ("De keurmeester zegt niets verkeerd te hebben gedaan.", DEN),
        ("De verdachte pleit onschuldig.", DEN),
        ("Zij houdt vol dat ze onschuldig is.", DEN),
        ("Volgens de directie bleven alle lozingen binnen de normen.", DEN),
        ("Het slachthuis werkte volgens de regels, zegt de eigenaar.", DEN),
        ("De chauffeur gaat in beroep tegen zijn veroordeling.", DEN),
        ("Zijn advocaat vroeg de rechtbank om vrijspraak.", DEN),
        ("'Ik heb nooit steekpenningen aangenomen', zegt de ambtenaar.", DEN),
    ], "nl")


def test_nl_accusation_cues(rl: RuleLabeler) -> None:
    check(rl, [
        ("De oppositie beschuldigt de wethouder van belangenverstrengeling.", ACC),
        ("De bond verwijt de club dat ze de veiligheid heeft verwaarloosd.", ACC),
        ("Drie gezinnen klagen de aannemer aan.", ACC),
        ("De penningmeester wordt verdacht van verduistering.", ACC),
        ("De notaris wordt vervolgd voor valsheid in geschrifte.", ACC),
        ("Een oud-medewerker deed aangifte tegen de eigenaar van het bedrijf.", ACC),
        ("Hij zou de cijfers hebben vervalst, schrijft de krant.", ACC),
        ("De trainer houdt de scheidsrechter verantwoordelijk voor de nederlaag.", ACC),
        ("De zakenman is veroordeeld tot drie jaar cel.", ACC),
        ("De inspectie heeft het chemiebedrijf een boete opgelegd van 40.000 euro.", ACC),
        ("Het federaal parket beschouwt de firma als een criminele organisatie.", ACC),
        ("Documenten lijken de versie van de klokkenluider te bevestigen.", ACC),
        ("Uit de cijfers blijkt dat de fabriek jarenlang te veel heeft geloosd.", ACC),
        ("Volgens het rapport heeft de directeur de raad misleid.", ACC),
        ("Het parket opende een onderzoek naar de firma wegens fraude.", ACC),
        ("De oppositie eist dat de minister verantwoording aflegt voor het misbruik.", ACC),
    ], "nl")


def test_nl_negation(rl: RuleLabeler) -> None:
    check(rl, [
        ("De voorzitter wordt niet verdacht.", NEU),
        ("De zoon van de burgemeester is nooit vervolgd.", NEU),
        ("Er is geen bewijs van fraude bij de stichting.", NEU),
        ("De directeur ontkent niet dat er fouten zijn gemaakt.", ACC),
        ("De bond ontkent niet dat er geld is verdwenen, maar wijst elke schuld af.", DEN),
        ("De wethouder heeft nooit gelogen over de kosten, zegt zijn woordvoerder.", DEN),
    ], "nl")
    label, fired = rl.label_one("De voorzitter wordt niet verdacht.", "nl")
    assert "nl_suspect_negated" in fired and "nl_suspect" not in fired


def test_nl_nouns_inside_denial(rl: RuleLabeler) -> None:
    check(rl, [
        ("De club noemt de beschuldigingen van matchfixing lasterlijk.", DEN),
        ("Het bedrijf ontkent de beschuldigingen van fraude en corruptie.", DEN),
        ("De beschuldigingen kwamen vorige week naar buiten.", NEU),
    ], "nl")


def test_nl_main_clause_priority(rl: RuleLabeler) -> None:
    check(rl, [
        ("Het bedrijf ontkent een criminele organisatie te zijn, zoals het parket zei.", DEN),
        ("De oppositie blijft erbij dat de minister loog, ondanks haar ontkenning.", ACC),
        ("De burgemeester, die alle beschuldigingen ontkent, wordt verdacht van omkoping.", ACC),
        ("De burgemeester, die wordt verdacht van omkoping, ontkent alles.", DEN),
        ("Ondanks zijn ontkenning werd de aannemer veroordeeld.", ACC),
    ], "nl")


def test_nl_quotes_with_attribution(rl: RuleLabeler) -> None:
    # the attribution tail ("de aanklager", "de verdachte") must not fire on its own
    check(rl, [
        ("'We beginnen maandag met de verhoren', zegt de aanklager.", NEU),
        ("'Het was een drukke week', aldus de verdachte.", NEU),
        ("'Hij heeft ons allemaal bedrogen', zegt een oud-collega.", ACC),
        ("'Alles is volgens de regels gegaan', zegt de woordvoerder van de verdachte.", DEN),
    ], "nl")


def test_nl_more_generalisation(rl: RuleLabeler) -> None:
    check(rl, [
        ("Het Openbaar Ministerie eist vier jaar cel tegen de directeur van Bouwgroep Lindeman.",
         ACC),
        ("De gemeente Zwartewaal heeft jarenlang te weinig gecontroleerd, concludeert de "
         "Rekenkamer.", ACC),
        ("De minister heeft de Kamer onjuist geïnformeerd, vindt de oppositie.", ACC),
        ("De voetbalclub wordt ervan beschuldigd spelers onder druk te hebben gezet.", ACC),
        ("'Dat is gewoon niet waar', zegt de wethouder over de aantijgingen.", DEN),
        ("Het ziekenhuis erkent dat er fouten zijn gemaakt bij de behandeling.", ACC),
        ("Parket opent onderzoek naar subsidiefraude door wethouder in Zelsbeke", ACC),
        ("Het OM gaat in hoger beroep tegen de vrijspraak van de notaris.", ACC),
        # a declined appeal accepts the ruling: no denial
        ("De club gaat niet in beroep tegen de schorsing.", NEU),
        ("Woordvoerder Pieter Smit van de provincie zegt dat de brug in maart opengaat.", NEU),
        ("Oud-burgemeester Jansen is dinsdag vrijgesproken van omkoping.", NEU),
        ("Zijn advocaat, mr. Ruud Bakker, zegt dat de koopsom van 14.500 euro gewoon is "
         "terugbetaald.", DEN),
    ], "nl")


def test_en_more_generalisation(rl: RuleLabeler) -> None:
    check(rl, [
        ("Prosecutors are seeking a four-year sentence for the director of Lindeman Ltd.", ACC),
        ("The council failed to inspect the building for years, auditors concluded.", ACC),
        ("The minister misinformed parliament, the opposition says.", ACC),
        ("'That is simply not true,' the alderman said of the allegations.", DEN),
        ("The hospital acknowledged that mistakes were made in the treatment.", ACC),
        ("The company said it had cooperated fully with regulators and broke no laws.", DEN),
        ("The club will not appeal the suspension.", NEU),
        ("Prosecutors will appeal the acquittal of the notary.", ACC),
        ("Police are appealing for witnesses to the burglary.", NEU),
        ("Former mayor Jansen was acquitted of bribery on Tuesday.", NEU),
        ("Two officers were injured in the riots.", NEU),
        ("Dozens of innocent civilians were evacuated from the village.", NEU),
    ], "en")


def test_nl_neutral(rl: RuleLabeler) -> None:
    check(rl, [
        ("De minister zegt dat het beleid in januari ingaat.", NEU),
        ("Het bedrijf wilde niet reageren op de aantijgingen.", NEU),
        ("Bij huiszoekingen werden computers in beslag genomen.", NEU),
        ("Er werden twaalf mensen opgepakt.", NEU),
        ("De gemeenteraad vergadert donderdag over de begroting.", NEU),
        ("Het stadion telt 24.000 plaatsen.", NEU),
        ("Criminelen gebruiken steeds vaker versleutelde telefoons.", NEU),
        ("De zitting is uitgesteld tot 14 mei.", NEU),
        ("De renner werd vorige maand vrijgesproken.", NEU),
    ], "nl")


# ---------------------------------------------------------------------- English


def test_en_denial_cues(rl: RuleLabeler) -> None:
    check(rl, [
        ("The ministry denied hiding the report.", DEN),
        ("The mayor denies any wrongdoing.", DEN),
        ("The club rejected the allegations of match-fixing.", DEN),
        ("The firm's lawyers dispute the regulator's findings.", DEN),
        ("Harlow Foods will contest the fine in court.", DEN),
        ("The senator dismissed the claims as a smear campaign.", DEN),
        ("A spokesman called the story a fabrication.", DEN),
        ("The report is categorically untrue, the company said.", DEN),
        ("The contractor pleaded not guilty to all counts.", DEN),
        ("'We did nothing wrong,' the chief executive said.", DEN),
        ("'We have nothing to hide,' the director told reporters.", DEN),
        ("The refinery said all incidents were reported as required.", DEN),
        ("The coach plans to appeal the ban.", DEN),
        ("Her lawyer refuted every point in the indictment.", DEN),
    ], "en")


def test_en_accusation_cues(rl: RuleLabeler) -> None:
    check(rl, [
        ("Critics accused the ministry of hiding the report.", ACC),
        ("The firm allegedly dumped waste into the river.", ACC),
        ("The treasurer has been charged with embezzlement.", ACC),
        ("Residents blame the refinery for the fumes.", ACC),
        ("The director is suspected of bribery.", ACC),
        ("The board held the chief executive responsible for the losses.", ACC),
        ("The former mayor was convicted of fraud in 2019.", ACC),
        ("The airline was fined $2 million.", ACC),
        ("Two families sued the landlord last week.", ACC),
        ("The minister reportedly lied to parliament about the costs.", ACC),
        ("A second witness confirmed her account.", ACC),
        ("The club's owner admitted the figures were wrong.", ACC),
    ], "en")


def test_en_negation(rl: RuleLabeler) -> None:
    check(rl, [
        ("The driver is not suspected of any crime.", NEU),
        ("The chairman was not charged.", NEU),
        ("There is no evidence of fraud at the charity.", NEU),
        ("The company did not deny that the data had leaked.", ACC),
        ("'I never took a single bribe,' the councillor said.", DEN),
    ], "en")


def test_en_main_clause_and_nouns(rl: RuleLabeler) -> None:
    check(rl, [
        ("Critics accused the ministry of hiding the report, which it denies.", ACC),
        ("The ministry denied hiding the report, as critics had claimed.", DEN),
        ("Despite his denials, the jury convicted the accountant.", ACC),
        ("The company rejected the allegations of bribery and fraud.", DEN),
        ("The allegations surfaced last week.", NEU),
    ], "en")


def test_en_neutral(rl: RuleLabeler) -> None:
    check(rl, [
        ("The minister says the policy takes effect in January.", NEU),
        ("The company declined to comment on the allegations.", NEU),
        ("Police seized computers during the searches.", NEU),
        ("Twelve people were arrested.", NEU),
        ("The hearing was adjourned until May 14.", NEU),
        ("The stadium holds 24,000 people.", NEU),
        ("The firm did not respond to a request for comment.", NEU),
        ("Criminals increasingly use encrypted phones.", NEU),
        ("The rider was acquitted last month.", NEU),
    ], "en")


# ---------------------------------------------------------------------- API


def test_votes_and_evidence_names(rl: RuleLabeler) -> None:
    votes = rl.votes("De rederij spreekt de berichten tegen.", "nl")
    assert votes == {"nl_contradict": DEN}
    label, fired = rl.label_one("Critics accused the ministry of hiding the report.", "en")
    assert label == ACC and "en_accuse" in fired
    assert rl.votes("Het stadion telt 24.000 plaatsen.", "nl") == {}
    # every fired name is a declared function name
    for text, lang in [("The mayor denies any wrongdoing.", "en"),
                       ("De voorzitter wordt niet verdacht.", "nl")]:
        assert set(rl.votes(text, lang)) <= set(rl.function_names(lang))


def test_priority_order_is_documented_and_fixed() -> None:
    names = [name for name, _ in TIERS]
    assert names.index("subordinated_denial") < names.index("denial_explicit")
    assert names.index("denial_explicit") < names.index("admission")
    assert names.index("denial_implicit") < names.index("accusation")
    assert names.index("accusation") < names.index("cancelled") < names.index("denial_weak")
    assert names[-1] == "accusation_weak"


def test_voice_tiers(rl: RuleLabeler) -> None:
    check(rl, [
        ("Volgens zijn advocaat was de vrachtwagen die nacht gewoon in Tilburg.", DEN),
        ("Volgens het rapport sloot directeur Van Dam de contracten zelf af.", ACC),
        ("Volgens zijn advocaat wordt de aannemer vervolgd voor oplichting.", ACC),
    ], "nl")
    check(rl, [
        ("His lawyer said the payments were a loan from a cousin.", DEN),
        ("According to the affidavit, Mr. Hale took the payments in cash.", ACC),
        ("His lawyer said the contractor was charged with fraud in 2019.", ACC),
    ], "en")


def test_batch_api(rl: RuleLabeler) -> None:
    texts = ["De penningmeester wordt verdacht van verduistering.",
             "The mayor denies any wrongdoing.",
             "Het stadion telt 24.000 plaatsen."]
    labels, evidence = rl.label(texts, ["nl", "en", "nl"])
    assert labels == [ACC, DEN, NEU]
    assert "nl_suspect" in evidence[0].split(";")
    assert "en_deny" in evidence[1].split(";")
    assert evidence[2] == ""
    labels, _ = rl.label(["Beide verdachten ontkenden alle feiten."])  # default_lang nl
    assert labels == [DEN]
    en = RuleLabeler(default_lang="en")
    assert en.label(["The mayor denies any wrongdoing."])[0] == [DEN]
    with pytest.raises(ValueError):
        rl.label(["a", "b"], ["nl"])
    assert rl.label([]) == ([], [])


def test_languages_and_function_names(rl: RuleLabeler) -> None:
    assert rl.languages == ["en", "nl"]
    names = rl.function_names("nl")
    assert "nl_deny" in names and "nl_deny_negated" in names
    assert len(names) == len(set(names))
    assert all(n.startswith("en_") for n in rl.function_names("en"))


def test_unknown_language(rl: RuleLabeler) -> None:
    with pytest.raises(ValueError, match=r"no lexicon for language 'xx' in .*available: nl, en$"):
        rl.label_one("Bonjour.", "xx")
    with pytest.raises(ValueError, match="'de'"):
        rl.function_names("de")


def test_missing_or_malformed_lexicons(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not found"):
        RuleLabeler(str(tmp_path / "nope"))
    with pytest.raises(ValueError, match="no <lang>.yaml"):
        RuleLabeler(str(tmp_path))
    bad = tmp_path / "xx.yaml"
    bad.write_text("functions: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="xx.yaml"):
        RuleLabeler(str(tmp_path))
    bad.write_text("functions:\n  f:\n    tier: nonsense\n    patterns: [a]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown tier"):
        RuleLabeler(str(tmp_path))
    bad.write_text("functions:\n  f:\n    tier: accusation\n    patterns: ['(']\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="bad regex"):
        RuleLabeler(str(tmp_path))


def test_custom_lexicon_folder(tmp_path: Path) -> None:
    (tmp_path / "xx.yaml").write_text(
        "negation:\n  words: [non]\nfunctions:\n"
        "  xx_acc:\n    tier: accusation\n    negated_tier: cancelled\n"
        "    patterns: ['\\baccuse\\w*']\n"
        "  xx_den:\n    tier: denial_explicit\n    patterns: ['\\bnie\\w*']\n",
        encoding="utf-8",
    )
    rl = RuleLabeler(str(tmp_path), default_lang="xx")
    assert rl.languages == ["xx"]
    assert rl.label_one("Pierre accuse Paul.") == (ACC, ["xx_acc"])
    assert rl.label_one("Pierre accuse Paul, Paul nie.")[0] == DEN
    assert rl.label_one("Pierre non accuse Paul.") == (NEU, ["xx_acc_negated"])
    assert rl.label_one("Rien.") == (NEU, [])


def test_picklable(rl: RuleLabeler) -> None:
    clone = pickle.loads(pickle.dumps(rl))
    text = "De notaris wordt vervolgd voor valsheid in geschrifte."
    assert clone.label_one(text, "nl") == rl.label_one(text, "nl")


# ---------------------------------------------------------------------- generalisation families
# Sentences written for these tests only (none comes from the gold corpus). Each family is a
# way Dutch or English news phrases an accusation or a denial; they guard against rules that
# only fit the phrasing of the development documents.


def test_nl_legal_procedure_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("De zaakvoerder van Bouwbedrijf Claeys is in verdenking gesteld van sociale fraude.",
         ACC),
        ("Tegen wethouder Mulder werd achttien maanden cel geëist.", ACC),
        ("De aanklager vorderde een werkstraf van 240 uur tegen de penningmeester.", ACC),
        ("De directeur van Vleesbedrijf Hoornaert is dinsdag aangehouden.", ACC),
        # brought before the judge who decides on detention: procedure (guideline step 7,
        # session 13; 23 of 27 dev sentences); held by that judge: accusation
        ("Schepen Van Acker werd woensdag voorgeleid bij de onderzoeksrechter.", NEU),
        ("Van Acker werd voorgeleid bij de onderzoeksrechter, die hem aanhield.", ACC),
        ("De politie hield de eigenaar van café De Zwaan zondagochtend aan.", ACC),
        ("De oud-wethouder is veroordeeld tot een taakstraf van 120 uur.", ACC),
        ("De ACM legde Tankstation Groep Verbeek een boete op van 2,1 miljoen euro.", ACC),
        ("De gemeente heeft de sloper een dwangsom opgelegd.", ACC),
        ("Omwonenden dagvaarden het chemiebedrijf Noordkem.", ACC),
        ("Ruim tweehonderd beleggers dienen een schadeclaim in bij Spaarfonds Delta.", ACC),
        ("De toezichthouder heeft de bank op de vingers getikt.", ACC),
        ("De trainer is geschorst wegens wangedrag tegenover een scheidsrechter.", ACC),
        ("De arts werd door het tuchtcollege berispt.", ACC),
        ("Projectleider Wouters is op staande voet ontslagen.", ACC),
        ("De notaris moet zich volgende maand verantwoorden voor de tuchtrechter.", ACC),
        ("De inspectie maakte proces-verbaal op tegen transportbedrijf Kuipers.", ACC),
        ("Er werden tijdens de rellen veertien jongeren opgepakt.", NEU),
        ("De politie hield zaterdag twee mannen aan in Gent.", NEU),
    ], "nl")


def test_nl_wrongdoing_vocabulary_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("Volgens de curator heeft de oprichter van Zonnepaneel Direct klanten opgelicht.", ACC),
        ("De penningmeester van de harmonie heeft jarenlang geld witgewassen.", ACC),
        ("Het reisbureau knoeide met de annuleringsvoorwaarden.", ACC),
        ("De garagehouder heeft met de kilometertellers geknoeid.", ACC),
        ("Het ziekenhuis heeft cruciale informatie achtergehouden voor de familie.", ACC),
        ("Het bestuur stopte het rapport in de doofpot.", ACC),
        ("De inspectie verwijt de thuiszorgorganisatie plichtsverzuim.", ACC),
        ("De provincie is volgens de Rekenkamer tekortgeschoten in het toezicht.", ACC),
        ("Directeur Lambrechts heeft de gemeenteraad om de tuin geleid.", ACC),
        ("De aannemer liet zijn arbeiders zwart werken en betaalde hen onder het minimumloon.",
         ACC),
        ("Het bedrijf heeft onrechtmatig gehandeld door de klanten niet te waarschuwen.", ACC),
        ("Het college ging over de schreef met de benoeming van zijn partijgenoot.", ACC),
        ("Afpersing en intimidatie komen in elke grote stad voor.", NEU),
        ("Witwassen blijft volgens experts moeilijk op te sporen.", NEU),
        ("Onbekenden hebben de gevel van het gemeentehuis beklad.", NEU),
    ], "nl")


def test_nl_hearsay_and_blame_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("De wethouder zou zijn zwager een opdracht hebben toegeschoven.", ACC),
        ("Volgens ingewijden zouden de cijfers jarenlang zijn opgesmukt.", ACC),
        ("De trainer zou spelers onder druk zetten om pijnstillers te nemen.", ACC),
        ("De directeur zou het personeel stelselmatig intimideren.", ACC),
        ("De bewoners geven de waterbeheerder de schuld van de overstroming.", ACC),
        ("De oppositie wijst naar de minister als verantwoordelijke voor de chaos.", ACC),
        ("De vakbond legt de schuld bij de directie van Metaalwerken Dirksen.", ACC),
        ("De Rekenkamer hekelt het gebrekkige toezicht van het ministerie.", ACC),
        ("De ombudsman haalt hard uit naar de belastingdienst.", ACC),
        ("De familie neemt het ziekenhuis kwalijk dat niemand hen belde.", ACC),
        ("Het ongeval is volgens het rapport te wijten aan nalatigheid van de aannemer.", ACC),
        ("De zitting zou volgende week plaatsvinden.", NEU),
        ("Het nieuwe zwembad zou in 2027 de deuren openen.", NEU),
    ], "nl")


def test_nl_denial_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("De burgemeester weerspreekt dat hij van de afspraken wist.", DEN),
        ("Het bedrijf ontkracht de berichten over massaontslagen.", DEN),
        ("'Dat is klinkklare onzin', zegt de voorzitter.", DEN),
        ("'Daar klopt helemaal niets van', reageert de eigenaar.", DEN),
        ("Volgens de directie is alles volgens het boekje verlopen.", DEN),
        ("De club heeft zich altijd aan de regels gehouden, benadrukt de voorzitter.", DEN),
        ("De partij betreurt de insinuaties in het artikel.", DEN),
        ("De minister vindt dat zijn rol in de affaire verkeerd is voorgesteld.", DEN),
        ("Zijn advocaat pleit voor de vrijspraak van haar cliënt.", DEN),
        ("De veroordeelde aannemer tekent beroep aan tegen het vonnis.", DEN),
        ("De wethouder herkent zich niet in het beeld dat de krant schetst.", DEN),
        ("Het transportbedrijf gaat de boete aanvechten.", DEN),
        ("De ziekenhuisdirectie wuift de kritiek van de inspectie weg.", DEN),
        ("De sportbond zegt dat de dopingcontroles volledig legaal zijn verlopen.", DEN),
        ("'Wij hebben geen enkele regel overtreden', zegt de woordvoerder.", DEN),
        ("De schepen voelt zich onterecht beschuldigd.", DEN),
        ("De zangeres loochent elke betrokkenheid bij de fraude.", DEN),
        ("De verdachte verweert zich tegen de aantijgingen.", DEN),
    ], "nl")


def test_en_legal_procedure_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("The former treasurer of Harbor Lane Credit Union was indicted on Tuesday.", ACC),
        ("Mr. Okafor was arraigned on six counts of wire fraud.", ACC),
        ("Three tenants sued Parkview Homes over the mould.", ACC),
        ("Regulators fined Castlegate Bank £4.2 million for weak money-laundering checks.", ACC),
        ("The Treasury sanctioned two shipping firms run by Mr. Volkov.", ACC),
        ("The coach was suspended over the incident at the training ground.", ACC),
        ("The councillor faces charges of misconduct in public office.", ACC),
        ("Brightwell Foods is under investigation for mislabelling its products.", ACC),
        ("The agency was found to have breached data protection law.", ACC),
        ("A damning report by the inspectorate blamed the care home's managers.", ACC),
        ("The surgeon was struck off by the medical tribunal.", ACC),
        ("Police arrested the chief executive of Dunmore Logistics at his home.", ACC),
        ("Police arrested 14 people after the match in Leeds.", NEU),
        ("The hearing has been moved to a larger courtroom.", NEU),
    ], "en")


def test_en_wrongdoing_vocabulary_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("The bookkeeper embezzled more than $300,000 from the parish.", ACC),
        ("Prosecutors say the pair defrauded elderly investors.", ACC),
        ("The director siphoned off grant money into a private account.", ACC),
        ("The ministry covered up the test results for two years.", ACC),
        ("The landlord misled tenants about the rent increases.", ACC),
        ("The manager bullied junior staff, an internal review found.", ACC),
        ("Union officials say the company intimidated workers who tried to organise.", ACC),
        ("The inspectors called the hospital's record-keeping negligent.", ACC),
        ("Halvorsen Energy failed to disclose the leak to regulators.", ACC),
        ("The club breached league spending rules for three seasons.", ACC),
        ("The senator is said to have accepted gifts from the contractor.", ACC),
        ("The firm is understood to have destroyed documents before the audit.", ACC),
        ("Workers blamed the site manager for the collapse.", ACC),
        ("The commission held the minister responsible for the delays.", ACC),
        ("Fraud costs the insurance industry billions every year.", NEU),
        ("Embezzlement cases are rising across the region, a study says.", NEU),
    ], "en")


def test_en_denial_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("The mayor strenuously denies the claims.", DEN),
        ("The club rebuffed the league's accusations.", DEN),
        ("The company pushed back on the regulator's findings.", DEN),
        ("'There is no truth in these stories,' the singer's manager said.", DEN),
        ("Her lawyer said the lawsuit was without merit.", DEN),
        ("The firm insists it acted lawfully at all times.", DEN),
        ("The senator vowed to clear his name.", DEN),
        ("The contractor intends to fight the charges.", DEN),
        ("The ministry said the report mischaracterises its role.", DEN),
        ("The airline said all maintenance was properly documented.", DEN),
        ("The coach said he had broken no rules.", DEN),
        ("The charity said it had done nothing improper.", DEN),
        ("The school said it takes issue with the inspectors' conclusions.", DEN),
        ("The developer says it was wrongly accused of ignoring safety warnings.", DEN),
    ], "en")


def test_negation_and_generic_stay_neutral(rl: RuleLabeler) -> None:
    check(rl, [
        ("De directeur is niet aangehouden.", NEU),
        ("Er is geen dwangsom opgelegd aan de fabriek.", NEU),
        ("Van witwassen was volgens het OM geen sprake bij de stichting.", NEU),
        ("Fraude met energiesubsidies kost de staat jaarlijks miljoenen.", NEU),
    ], "nl")
    check(rl, [
        ("The chief executive was not arrested.", NEU),
        ("There is no evidence that the charity misused donations.", NEU),
        ("The mayor was not among those questioned.", NEU),
        ("Scams rise every winter, police say.", NEU),
    ], "en")


def test_nl_testimony_and_sources_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("Uit een intern memo dat deze krant kon inzien, blijkt dat de directie al maanden "
         "op de hoogte was.", ACC),
        ("Twee oud-medewerkers verklaarden bij hun verhoor dat de boekhouder facturen "
         "aanpaste.", ACC),
        ("Wethouder Visser stapt op na ophef over een reisje op kosten van een aannemer.", ACC),
        ("De gemeten uitstoot lag drie keer boven de norm uit de vergunning.", ACC),
        ("Een stagiaire stapte vorig jaar naar de vertrouwenspersoon.", ACC),
        ("Hield de directeur het inspectierapport bewust achter voor de raad?", ACC),
        ("Volgens de inspectie heerste er op de afdeling een cultuur van wegkijken.", ACC),
        ("De NVWA stelt het slachthuis onder verscherpt toezicht.", ACC),
        ("Het is schandalig dat de huurders jarenlang in de kou zaten, zegt de "
         "huurdersvereniging.", ACC),
    ], "nl")


def test_nl_counter_story_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("'Niemand is door mij onder druk gezet', zegt de teamleider.", DEN),
        ("'Wij hebben nooit aan prijsafspraken meegedaan', zegt de directeur.", DEN),
        ("'Van belangenverstrengeling is geen sprake', zegt de gedeputeerde.", DEN),
        ("Eigenaar Peeters vindt de sanctie buiten proportie.", DEN),
        ("De bakker geeft toe dat hij meel bijkocht, maar zegt dat het etiket klopte.", DEN),
        ("De voorzitter neemt zijn penningmeester in bescherming.", DEN),
        ("Dat beeld herkent de directeur niet.", DEN),
        ("De minister noemde de verwijten zaterdag 'doorzichtige verkiezingspraat'.", DEN),
        ("Het leger noemt het verhaal pure propaganda.", DEN),
        ("'Ik heb die vergunning behandeld zoals elke andere', zegt de ambtenaar.", DEN),
        ("De stichting laat weten dat de giften tot de laatste euro zijn besteed.", DEN),
        ("Volgens het Brugse bedrijf ging het overleg nooit over prijzen.", DEN),
        ("De fabrikant maakt bezwaar tegen het besluit.", DEN),
    ], "nl")
    check(rl, [
        ("Fraude met zorggeld is volgens de Zorgautoriteit een groeiend probleem.", NEU),
        ("Het vermoeden van onschuld blijft volgens de rechtbank gelden.", NEU),
        ("Of er een onderzoek komt, kon een woordvoerder nog niet zeggen.", NEU),
        ("Dat gaat verdacht snel, grapt de burgemeester.", NEU),
        ("Kaas is een van de meest vervalste producten ter wereld.", NEU),
        ("De daders zijn nog niet geïdentificeerd, meldt de politie van Gent.", NEU),
    ], "nl")


def test_en_testimony_and_sources_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("The accountant moved client money into his own account, the jury at Bristol Crown "
         "Court heard.", ACC),
        ("She told jurors that Mr. Price had promised to repay her within a month.", ACC),
        ("Phone records appear to bear out the driver's account.", ACC),
        ("Staff said they raised concerns with the director three times and were ignored.",
         ACC),
        ("An internal memo, seen by this newspaper, shows managers knew about the defect.",
         ACC),
        ("Tests found nitrate levels four times the legal limit downstream of the Kellor "
         "plant.", ACC),
        ("The coach repeated his complaint that the referee had cost them the match.", ACC),
        ("Members called on the board to explain where the money went.", ACC),
        ("A whistleblower claims Ravelle Bank knew for months that its systems had been "
         "breached.", ACC),
    ], "en")


def test_en_counter_story_family(rl: RuleLabeler) -> None:
    check(rl, [
        ("Ms. Rowe said the disciplinary process had been unfair from the outset.", DEN),
        ("'I won't apologise for holding people to high standards,' she said.", DEN),
        ("'We followed every rule in the book,' the chief executive told investors.", DEN),
        ("The owner insisted the firm was solvent and that every order would be delivered.",
         DEN),
        ("The company put the shortages down to a strike at a supplier.", DEN),
        ("The mill pointed instead to drought and farm runoff as likelier causes.", DEN),
        ("'We have always been completely transparent with regulators,' he said.", DEN),
        ("For the defence, Mr. Adeyemi argued that every payment had been approved.", DEN),
        ("He is expected to tell the court that he never took a penny from clients.", DEN),
    ], "en")
    check(rl, [
        ("Two other teams are under investigation, though the league has not named them.",
         NEU),
        ("The electric buses will be charged overnight at the depot.", NEU),
        ("The losing side has 14 days to lodge an appeal.", NEU),
        ("A spokesman for the county would not say whether it will seek damages.", NEU),
        ("Selling goods a trader cannot supply can amount to a misleading practice under the "
         "Consumer Rights Act.", NEU),
        ("Class actions routinely follow sharp falls in share prices.", NEU),
        ("Seats for the concert can be booked from Friday.", NEU),
    ], "en")


def test_nl_last_round_families(rl: RuleLabeler) -> None:
    check(rl, [
        ("Een bewoonster vertelde de rechtbank hoe ze maandenlang werd bedreigd.", ACC),
        ("'Ze sloten me dagenlang op zonder eten', getuigt een oud-gevangene.", ACC),
        ("Vier andere leveranciers vertellen een vergelijkbaar verhaal.", ACC),
        ("Afspraken over prijzen zijn verboden omdat klanten daardoor te veel betalen.", NEU),
        ("De politie hield na de wedstrijd in Brugge twaalf supporters aan.", NEU),
        ("Het OM heeft de Haagse makelaar Joost Verbeek aangehouden.", ACC),
    ], "nl")


def test_en_last_round_families(rl: RuleLabeler) -> None:
    check(rl, [
        ("Customers tell a very different story.", ACC),
        ("Several former nurses gave similar accounts of the night shifts.", ACC),
        ("The panel described the breaches as deliberate and serious.", ACC),
        ("At the time, the firm said no one had acted improperly.", DEN),
        ("The court then heard from the victim's sister.", NEU),
        ("Under the new rules, airlines must report a data breach within three days.", NEU),
        ("Regulators have opened an inquiry into Harlan Bank's lending, two people familiar "
         "with the matter said.", ACC),
        ("Police arrested 30 protesters outside the ministry in Cardiff.", NEU),
    ], "en")


def test_nl_mixed_news_probe(rl: RuleLabeler) -> None:
    check(rl, [
        ('De bond schorst de verdediger voor vier wedstrijden na een elleboogstoot.', ACC),
        ('Volgens de klagers heeft de keten jarenlang te weinig loon uitbetaald.', ACC),
        ('De rechter oordeelde dat de huisbaas de huurders onrechtmatig uit hun '
         'woning had gezet.', ACC),
        ('Het kabinet heeft de Kamer volgens de oppositie bewust verkeerd ingelicht.', ACC),
        ('Meerdere spelers beschuldigen de trainer van vernederende opmerkingen.', ACC),
        ('Het leger bestookte volgens ooggetuigen een markt met granaten.', ACC),
        ('De vakbond dient klacht in tegen de werkgever wegens discriminatie.', ACC),
        ('De curator stelt de bestuurders aansprakelijk voor het faillissement.', ACC),
        ('De wethouder liet een bevriende aannemer de klus uitvoeren zonder aanbesteding.', ACC),
        ('Het bedrijf sjoemelde met de uitstootcijfers.', ACC),
        ('De gemeente heeft volgens de ombudsman de klachten van bewoners genegeerd.', ACC),
        ('De directeur zou een greep in de kas hebben gedaan.', ACC),
        ('De zorgverzekeraar vordert 2 miljoen euro terug van de thuiszorgorganisatie.', ACC),
        ('Tegen de voormalige voorzitter loopt een strafonderzoek.', ACC),
        ('Beschietingen door het leger kostten zes burgers het leven.', ACC),
        ('De club legt zich niet neer bij de schorsing en stapt naar het arbitragehof.', DEN),
        ('De verdediging vraagt de vrijspraak voor alle tenlasteleggingen.', DEN),
        ('Volgens de advocaat van de arts is er geen enkel bewijs dat zijn '
         'cliënt fouten maakte.', DEN),
        ("'Ik heb me nooit verrijkt', zegt de ex-burgemeester.", DEN),
        ('Het ministerie benadrukt dat alle procedures correct zijn gevolgd.', DEN),
        ('De fabrikant stelt dat de storing niets met het ontwerp te maken heeft.', DEN),
        ('Het chemiebedrijf bestrijdt de conclusies van het rapport.', DEN),
        ('De eigenaar is het oneens met de boete en stapt naar de rechter.', DEN),
        ('Het bedrijf zegt dat het de gegevens van klanten nooit heeft verkocht.', DEN),
        ('De zitting werd verdaagd omdat een advocaat ziek was.', NEU),
        ('Het parket opent een onderzoek naar de oorzaak van de brand.', NEU),
        ('De politie zoekt getuigen van de inbraak in de Kerkstraat.', NEU),
        ('De minister kondigt strengere straffen aan voor fraude met uitkeringen.', NEU),
        ('Het aantal meldingen van oplichting steeg vorig jaar met 12 procent.', NEU),
        ('De Kamer debatteert dinsdag over de aanpak van witwassen.', NEU),
    ], "nl")


def test_en_mixed_news_probe(rl: RuleLabeler) -> None:
    check(rl, [
        ('The FA charged the striker with violent conduct.', ACC),
        ('The regulator said the bank had repeatedly failed to flag suspicious payments.', ACC),
        ("The lawsuit alleges that the app collected children's data without consent.", ACC),
        ('Former players say the coach humiliated them in front of the squad.', ACC),
        ('The ombudsman found that the council had mishandled hundreds of complaints.', ACC),
        ('The minister was forced to resign after it emerged he had used a '
         'government car for holidays.', ACC),
        ('Shelling by government forces killed six civilians in the market.', ACC),
        ('The hospital trust has been told to pay £1.2m to the family of a '
         'patient who died after a missed diagnosis.', ACC),
        ('The watchdog criticised the airline for failing to refund passengers.', ACC),
        ('Tenants accuse the landlord of ignoring mould for years.', ACC),
        ('The club said it would robustly defend itself against the charges.', DEN),
        ("The ministry rejected the report's conclusions as one-sided.", DEN),
        ('Her lawyer said she was confident of being cleared.', DEN),
        ('The senator dismissed the report as partisan.', DEN),
        ('The firm insists its products are safe.', DEN),
        ('The company maintains that the tanks were sound and regularly inspected.', DEN),
        ('Police are investigating the cause of the fire.', NEU),
        ('The government announced tougher penalties for fly-tipping.', NEU),
        ('Fraud cases rose by 12% last year, according to the Office for '
         'National Statistics.', NEU),
        ('The council will vote on the budget next Tuesday.', NEU),
        ('Parliament is debating a bill to crack down on money laundering.', NEU),
    ], "en")

def test_nl_second_probe(rl: RuleLabeler) -> None:
    check(rl, [
        ('Omwonenden houden de kippenboer verantwoordelijk voor de stankoverlast.', ACC),
        ('De accountant heeft de jaarrekening van de stichting niet goedgekeurd '
         'wegens onregelmatigheden.', ACC),
        ('Een klokkenluider bracht de misstanden bij de zorginstelling aan het licht.', ACC),
        ('De FIOD viel dinsdag binnen bij het hoofdkantoor van Bouwbedrijf Smeets.', NEU),
        ('De renner testte positief op epo.', ACC),
        ('Het college van burgemeester en schepenen krijgt een tik op de '
         'vingers van de provincie.', ACC),
        ('De voorzitter moest aftreden nadat bleek dat hij declaraties had vervalst.', ACC),
        ('De ouders verwijten de school dat ze het pesten te lang heeft laten begaan.', ACC),
        ('De europarlementariër zou zich hebben laten betalen voor gunstige stemmen.', ACC),
        ('Uit de mails blijkt dat de directeur op de hoogte was van de lekkende tanks.', ACC),
        ('Het Openbaar Ministerie verdenkt de man van het in brand steken van '
         'zijn eigen zaak.', ACC),
        ('De trainer sprak van een schandalige arbitrage en haalde fel uit naar de ref.', ACC),
        ('Het energiebedrijf rekende duizenden klanten te veel aan.', ACC),
        ('De burgemeester ontkent met klem dat hij druk heeft uitgeoefend op de ambtenaren.', DEN),
        ('De advocaat van de verdachte pleit voor vrijspraak bij gebrek aan bewijs.', DEN),
        ('Het bedrijf stelt alle vergunningen keurig op orde te hebben.', DEN),
        ("'Wij hebben niets fout gedaan', verklaart de eigenaar van de slachterij.", DEN),
        ("De woordvoerder van de club noemt de berichtgeving 'volstrekt uit de "
         "lucht gegrepen'.", DEN),
        ('De partij wijst de kritiek van de hand en spreekt van een lastercampagne.', DEN),
        ('De agent verklaarde dat hij uit zelfverdediging handelde.', DEN),
        ('De minister houdt vol dat ze de Kamer correct heeft geïnformeerd.', DEN),
        ('De wielrenner gaat in beroep tegen zijn dopingschorsing.', DEN),
        ("De producent betwist dat de speelgoedauto's gevaarlijk zijn.", DEN),
        ('Volgens de directie is het lek binnen een uur gedicht en zijn alle '
         'klanten ingelicht.', DEN),
        ('De brandweer was snel ter plaatse en niemand raakte gewond.', NEU),
        ('De rechtszaak gaat op 3 maart verder.', NEU),
        ('De gemeente investeert 4 miljoen euro in nieuwe fietspaden.', NEU),
        ("Onbekenden hebben in Hasselt vier auto's in brand gestoken.", NEU),
        ('Het OM maakt dinsdag zijn strafeis bekend.', NEU),
        ('De schaatser won zilver op de 1500 meter.', NEU),
        ('Het onderzoek naar de oorzaak van het ongeval loopt nog.', NEU),
        ('De politie adviseert inwoners hun deuren goed af te sluiten.', NEU),
    ], "nl")


def test_en_second_probe(rl: RuleLabeler) -> None:
    check(rl, [
        ('Residents hold the water company responsible for the sewage spills.', ACC),
        ("The auditors refused to sign off the charity's accounts, citing irregularities.", ACC),
        ('A whistleblower exposed unsafe practices at the care home.', ACC),
        ('Investigators raided the headquarters of Dalton Construction on Tuesday.', NEU),
        ('The cyclist tested positive for a banned substance.', ACC),
        ('The federation slapped the club with a points deduction.', ACC),
        ('The chairman quit after it emerged that he had fiddled his expenses.', ACC),
        ('Parents say the school let the bullying go on for far too long.', ACC),
        ('The MEP is alleged to have taken money in exchange for votes.', ACC),
        ('Emails show the director knew the tanks were leaking.', ACC),
        ('Prosecutors accuse the man of setting fire to his own shop.', ACC),
        ('The energy supplier overcharged thousands of customers.', ACC),
        ('The mayor flatly denies pressuring officials.', DEN),
        ('Defence lawyers asked for an acquittal, citing a lack of evidence.', DEN),
        ('The company says all its permits are in order.', DEN),
        ("'We did nothing wrong,' the owner of the abattoir said.", DEN),
        ("The club's spokesman called the reports 'completely made up'.", DEN),
        ('The party brushed aside the criticism, calling it a smear campaign.', DEN),
        ('The officer said he acted in self-defence.', DEN),
        ('The minister maintains she gave parliament accurate information.', DEN),
        ('The rider is appealing against his doping ban.', DEN),
        ('The manufacturer disputes that the toys are dangerous.', DEN),
        ('According to the company, the leak was fixed within an hour and all '
         'customers were informed.', DEN),
        ('Firefighters arrived quickly and no one was hurt.', NEU),
        ('The trial resumes on March 3.', NEU),
        ('The council is investing £4m in new cycle lanes.', NEU),
        ('Vandals set fire to four cars in Hull overnight.', NEU),
        ('Prosecutors will set out their sentencing demands on Tuesday.', NEU),
        ('The skater won silver in the 1500m.', NEU),
        ('The investigation into the cause of the crash is continuing.', NEU),
        ('Police advise residents to lock their doors.', NEU),
    ], "en")

def test_nl_precision_probe(rl: RuleLabeler) -> None:
    """Loaded words in plain news, negated cues and admissions keep their labels."""
    check(rl, [
        ('De nieuwe wet moet fraude met bouwsubsidies moeilijker maken.', NEU),
        ('Volgens de politie nam het aantal woninginbraken in Utrecht vorig jaar af.', NEU),
        ('De rechtbank doet over twee weken uitspraak in de zaak.', NEU),
        ('Het museum toont een tentoonstelling over de grootste oplichters uit '
         'de geschiedenis.', NEU),
        ('De burgemeester opende zaterdag het vernieuwde zwembad in Tiel.', NEU),
        ('Wie te laat betaalt, krijgt een aanmaning van de gemeente.', NEU),
        ('De verdachte wordt volgende week voorgeleid aan de onderzoeksrechter.', NEU),
        ('De directeur werd niet gehoord als verdachte.', NEU),
        ('De notaris is nooit in verdenking gesteld.', NEU),
        ('Een woordvoerder van de politie bevestigt dat er een onderzoek loopt.', NEU),
        ('De club heeft de trainer bedankt voor zijn inzet en wenst hem succes.', NEU),
        ('Minister Van Damme stelt een nieuw klimaatplan voor.', NEU),
        ('De partij wil dat de regering meer geld uittrekt voor de zorg.', NEU),
        ('Het rapport bevat twintig aanbevelingen om de veiligheid te verbeteren.', NEU),
        ('De directeur ontkende niet dat hij de e-mails had gewist.', ACC),
        ('De wethouder gaf toe dat hij de regels niet had gevolgd.', ACC),
        ("'Dit slaat nergens op', reageert de eigenaar van de garage.", DEN),
        ('De schepen spreekt de beschuldigingen van vriendjespolitiek formeel tegen.', DEN),
        ('De hoogleraar weerlegt de aantijgingen van plagiaat in een uitgebreide brief.', DEN),
        ('Het Rode Kruis benadrukt dat alle giften volledig zijn verantwoord.', DEN),
    ], "nl")


def test_en_precision_probe(rl: RuleLabeler) -> None:
    """Loaded words in plain news, negated cues and admissions keep their labels."""
    check(rl, [
        ('A new law aims to make benefit fraud harder.', NEU),
        ('Burglaries in Leeds fell last year, police said.', NEU),
        ('The court will deliver its verdict in two weeks.', NEU),
        ("The museum is showing an exhibition about history's greatest con artists.", NEU),
        ('The mayor opened the renovated swimming pool in Dover on Saturday.', NEU),
        ('Those who pay late receive a reminder from the council.', NEU),
        ('The director was not questioned as a suspect.', NEU),
        ('The notary has never been charged.', NEU),
        ('A police spokesman confirmed that an investigation is under way.', NEU),
        ('The club thanked the coach for his work and wished him well.', NEU),
        ('Minister Hale presented a new climate plan.', NEU),
        ('The report contains twenty recommendations to improve safety.', NEU),
        ('The director did not deny that he had deleted the emails.', ACC),
        ('The councillor admitted he had not followed the rules.', ACC),
        ("'This is utter nonsense,' the garage owner said.", DEN),
        ('The alderman formally denied the allegations of cronyism.', DEN),
        ('The professor rebutted the plagiarism claims in a lengthy letter.', DEN),
        ('The charity stressed that every donation had been fully accounted for.', DEN),
    ], "en")

def test_nl_third_probe(rl: RuleLabeler) -> None:
    check(rl, [
        ('Critici verwijten de staatssecretaris dat hij de problemen bij de '
         'toeslagen heeft onderschat.', ACC),
        ('De Onderwijsinspectie constateert ernstige tekortkomingen bij de scholengroep.', ACC),
        ('Volgens de aanklacht sluisde de bestuurder 800.000 euro weg naar een '
         'rekening in Cyprus.', ACC),
        ('De huurders eisen een schadevergoeding van de woningcorporatie.', ACC),
        ('Het is de derde keer dit jaar dat de fabriek de lozingsnormen overschrijdt.', ACC),
        ('De voetbalbond legt de club een stadionverbod van twee wedstrijden op.', ACC),
        ('Slachtoffers van de babbeltruc vertellen hoe de man hun bankpas meenam.', ACC),
        ('De ex-partner van de zanger diende een klacht in wegens stalking.', ACC),
        ("De oppositie noemt het optreden van de minister 'onbehoorlijk en misleidend'.", ACC),
        ('De Raad van State oordeelt dat de provincie de vergunning nooit had '
         'mogen verlenen.', ACC),
        ('De gedupeerde ondernemers slepen de bank voor de rechter.', ACC),
        ('Het ziekenhuis reageert dat de patiënt volgens de geldende '
         'richtlijnen is behandeld.', DEN),
        ('De zanger spreekt van een hetze en kondigt juridische stappen aan tegen de krant.', DEN),
        ("De coach wil niets weten van de verwijten: 'We hebben eerlijk gewonnen.'", DEN),
        ('De burgemeester zegt dat hij nooit geld van de projectontwikkelaar '
         'heeft ontvangen.', DEN),
        ('Het bedrijf benadrukt dat de veiligheid van de werknemers altijd '
         'voorop heeft gestaan.', DEN),
        ('De advocaat van de chauffeur betwist dat zijn cliënt te hard reed.', DEN),
        ('Het farmaceutisch bedrijf stelt dat het medicijn veilig is en alle '
         'tests heeft doorstaan.', DEN),
        ('De ploeg maakte maandag de nieuwe sponsor bekend.', NEU),
        ('Bij het ongeval op de A12 raakten drie mensen gewond.', NEU),
        ('De gemeenteraad stemt in met de bouw van tweehonderd woningen.', NEU),
        ('Het proces tegen de vier verdachten begint in september.', ACC),
        ('De minister wil later dit jaar met een wetsvoorstel komen.', NEU),
    ], "nl")


def test_en_third_probe(rl: RuleLabeler) -> None:
    check(rl, [
        ('Critics accuse the junior minister of underestimating the problems '
         'with the benefits system.', ACC),
        ('Ofsted inspectors identified serious failings at the academy trust.', ACC),
        ('According to the indictment, the executive funnelled $800,000 to an '
         'account in Cyprus.', ACC),
        ('Tenants are seeking compensation from the housing association.', ACC),
        ('It is the third time this year the plant has exceeded its discharge limits.', ACC),
        ('The league banned the club from playing at home for two matches.', ACC),
        ('Victims of the scam described how the man took their bank cards.', ACC),
        ("The singer's former partner filed a complaint for stalking.", ACC),
        ("The opposition called the minister's conduct 'improper and misleading'.", ACC),
        ('The court ruled that the council should never have granted the permit.', ACC),
        ('The hospital responded that the patient had been treated according to '
         'current guidelines.', DEN),
        ('The singer called it a hate campaign and announced legal action '
         'against the newspaper.', DEN),
        ("The coach brushed off the accusations: 'We won fair and square.'", DEN),
        ('The mayor says he never received money from the developer.', DEN),
        ('The company stressed that worker safety had always come first.', DEN),
        ("The driver's lawyer disputes that his client was speeding.", DEN),
        ('The drugmaker says the medicine is safe and passed every test.', DEN),
        ('The team unveiled its new sponsor on Monday.', NEU),
        ('Three people were injured in the crash on the M6.', NEU),
        ('The council approved plans for two hundred homes.', NEU),
        ('The trial of the four defendants begins in September.', ACC),
        ('The minister plans to introduce a bill later this year.', NEU),
    ], "en")

# ---------------------------------------------------------------------- structural frames


def test_nl_structural_frames_batch(rl: RuleLabeler) -> None:
    """Sentence shapes, not cue words: findings, charge sources, the defence's voice.

    Written before the structural rules were; most failed on the round-2 labeler.
    """
    check(rl, [
        ('Volgens de aanklacht liet de zaakvoerder jarenlang personeel zwart werken.', ACC),
        ('Uit het rapport van de inspectie blijkt dat de kinderopvang de '
         'veiligheidsregels niet naleefde.', ACC),
        ('De Rekenkamer stelt vast dat het ministerie 12 miljoen euro zonder '
         'onderbouwing uitgaf.', ACC),
        ('Camerabeelden tonen hoe de portier een bezoeker tegen de grond werkt.', ACC),
        ('Volgens het OM stuurde de verdachte de berichten zelf vanaf een tweede telefoon.', ACC),
        ('De advocaat van Van Rijswijk stelt dat zijn cliënt op dat moment in het '
         'buitenland was.', DEN),
        ('Volgens zijn raadsman heeft de agent gehandeld zoals hij was opgeleid.', DEN),
        ('Het bedrijf laat in een verklaring weten dat alle facturen correct zijn opgesteld.', DEN),
        ('De wethouder benadrukt dat hij zich bij de stemming heeft onthouden.', DEN),
        ('Het onderzoek concludeert dat de directeur de raad van toezicht onvolledig '
         'informeerde.', ACC),
        ('Oud-medewerkers vertellen dat ze werden gedwongen om onbetaald over te werken.', ACC),
        ("Een interne e-mail laat zien dat de risico's al in 2019 bekend waren bij de top.", ACC),
        ('De burgemeester zou de vergunning hebben toegekend aan een bedrijf van zijn '
         'zwager.', ACC),
        ('De politie heeft een 34-jarige man uit Tilburg aangehouden.', ACC),
        ('Achttien mensen werden opgepakt.', NEU),
        ('Het ontwerp voor de nieuwe brug wordt in het voorjaar gepresenteerd.', NEU),
        ('De minister ontkent dat er een nieuwe belasting op vliegtickets komt.', NEU),
        ('De gemeente kreeg vorig jaar een boete omdat de aangifte te laat was '
         'ingediend, schrijft de lokale krant.', ACC),
        ('Wie zonder kaartje reist, riskeert een boete van 50 euro.', NEU),
        ('Inbrekers sloegen vannacht toe in een woning aan de Dorpsstraat in Gouda.', NEU),
        ('De club benadrukt dat de speler pas na de wedstrijd is getest en dat alle '
         'procedures zijn gevolgd.', DEN),
        ("'We hebben alles gedaan wat binnen onze mogelijkheden lag', zegt de directeur "
         'van het verpleeghuis.', DEN),
        ('De rechtbank oordeelde dat de aannemer de funderingen ondeugdelijk had aangelegd.', ACC),
        ('De verhuurder vroeg volgens huurders jarenlang te hoge servicekosten.', ACC),
        ('De school stelt dat de leerling nooit is buitengesloten en dat de ouders op de '
         'hoogte waren.', DEN),
        ('De raad vergadert volgende week opnieuw over de begroting.', NEU),
        ('Het Openbaar Ministerie verwijt de arts dat hij patiënten onnodig opereerde.', ACC),
        ('De leverancier houdt vol dat de partij vlees gewoon is gekeurd.', DEN),
        ('Het gaat om een bedrag van ongeveer 2,3 miljoen euro.', NEU),
        ('Volgens de inspectie werden meldingen van bewoners stelselmatig genegeerd.', ACC),
        ('De fabrikant wijst erop dat de storing werd veroorzaakt door een fout van de '
         'installateur.', DEN),
        ('Volgens de woordvoerder van het ziekenhuis is de patiënt volgens de '
         'richtlijnen behandeld.', DEN),
        ('Uit telefoongegevens blijkt dat de wethouder die avond contact had met de '
         'projectontwikkelaar.', ACC),
        ('De trainer geeft de scheidsrechter de schuld van de nederlaag.', ACC),
        ('De voorzitter treedt volgend jaar af om gezondheidsredenen.', NEU),
        ('Journalisten van deze krant spraken met twaalf oud-werknemers.', NEU),
        ('Het bureau rekende volgens de klachtencommissie voor één adviesgesprek 1.800 '
         'euro aan.', ACC),
        ('In de administratie van de stichting ontbreken bonnetjes voor ruim 60.000 euro.', ACC),
        ('De directeur liet de veiligheidskeuring twee jaar op rij overslaan.', ACC),
        ('Bij de controle bleek dat de slager vlees had ingevroren dat al over de datum was.', ACC),
        ('De wethouder stuurde de opdracht zonder aanbesteding naar het bureau van een '
         'partijgenoot.', ACC),
        ('Volgens de dagvaarding heeft de man zijn ex-partner maandenlang gevolgd.', ACC),
        ('De trainer zou spelers hebben gedwongen met blessures te spelen.', ACC),
        ('Verschillende ouders zeggen dat hun kinderen op de opvang urenlang alleen '
         'werden gelaten.', ACC),
        ('Het ziekenhuis heeft volgens de inspectie te laat ingegrepen bij de besmetting.', ACC),
        ('De eigenaar van de camping zegt dat het water altijd volgens de regels is getest.', DEN),
        ('Volgens zijn advocaat was de verdachte die nacht thuis bij zijn vriendin.', DEN),
        ("'Wij hebben elke melding serieus genomen en onderzocht', laat de gemeente weten.", DEN),
        ('De aannemer legt de schuld bij de leverancier van het beton.', ACC),
        ('Het bestuur benadrukt dat de vergoedingen jaarlijks door een accountant worden '
         'gecontroleerd.', DEN),
        ("De bank stelt dat de klanten vooraf uitgebreid over de risico's zijn geïnformeerd.", DEN),
        ('De partij spreekt van een politieke afrekening.', DEN),
        ('De burgemeester wil niet ingaan op de vragen van de oppositie.', NEU),
        ('Het nieuwe zwembad opent in september de deuren.', NEU),
        ('De gemeente ontkent dat de bibliotheek moet sluiten.', NEU),
        ('Vorig jaar werden in de provincie 420 woninginbraken gemeld.', NEU),
        ('Een 52-jarige vrouw uit Almere is opgepakt na een steekpartij.', ACC),
        ('Vorig jaar werden in de haven meer dan honderd mensen opgepakt.', NEU),
        ('Ook die man werd opgepakt, maar de rechter liet hem onder voorwaarden vrij.', NEU),
        ('De rechtszaak begint op 12 maart.', NEU),
        ('Het onderzoek wordt geleid door een extern bureau.', NEU),
        ('De minister kondigde aan dat er 40 miljoen euro extra naar de jeugdzorg gaat.', NEU),
    ], "nl")


def test_en_structural_frames_batch(rl: RuleLabeler) -> None:
    """Sentence shapes, not cue words: findings, charge sources, the defence's voice.

    Written before the structural rules were; most failed on the round-2 labeler.
    """
    check(rl, [
        ('According to the indictment, the broker moved client funds into his own '
         'accounts over four years.', ACC),
        ('The audit found that the charity spent nearly half its donations on salaries '
         "for the founder's relatives.", ACC),
        ('Bank records show that the councillor received three payments from the developer.', ACC),
        ('Emails obtained by the newspaper reveal that managers knew about the leak '
         'months earlier.', ACC),
        ('Prosecutors say the driver was texting when the bus left the road.', ACC),
        ('The company said in a statement that every batch had been tested before shipment.', DEN),
        ('His lawyer said the payments were consulting fees and were declared to the tax '
         'office.', DEN),
        ('A spokeswoman for the airline said the crew had followed standard procedure.', DEN),
        ('The report concluded that the agency ignored repeated warnings from its own '
         'engineers.', ACC),
        ('Former employees described a culture in which complaints were buried.', ACC),
        ('The minister reportedly approved the contract without a tender.', ACC),
        ('Police arrested a 29-year-old man in connection with the fire.', NEU),
        ('The new stadium will open in August.', NEU),
        ('The government denied that it plans to raise fuel duty.', NEU),
        ('Drivers who park there face a fine of 80 pounds.', NEU),
        ('Burglars broke into a warehouse on the industrial estate overnight.', NEU),
        ('The club insisted that the player was injured and that the transfer was never '
         'agreed.', DEN),
        ("'We did everything we could with the staff we had,' the care home's director said.", DEN),
        ('The tribunal ruled that the firm had unfairly dismissed the nurse.', ACC),
        ('The school maintains that the pupil was never excluded and that her parents '
         'were informed.', DEN),
        ('The council meets again next week to discuss the budget.', NEU),
        ('The regulator accused the bank of failing to monitor suspicious transfers.', ACC),
        ('The supplier said the meat had passed all inspections.', DEN),
        ('The sum involved is about 2.3 million dollars.', NEU),
        ("Inspectors found that residents' calls for help were routinely ignored.", ACC),
        ("Phone records place the mayor at the developer's home on the night of the vote.", ACC),
        ('The coach blamed the referee for the defeat.', ACC),
        ('The chairman will step down next year for health reasons.', NEU),
        ('Reporters spoke to twelve former workers.', NEU),
        ('The senator has been under investigation since March for misuse of campaign funds.', ACC),
        ("The firm's lawyers argued that the contract allowed the fees.", DEN),
        ('CCTV footage shows the guard pushing a visitor to the ground.', ACC),
        ("The lawsuit claims the app sold users' location data to advertisers.", ACC),
        ('The company says the product is safe when used as directed.', DEN),
        ('The agency billed one client $1,800 for a single consultation, the complaints '
         'board said.', ACC),
        ("Receipts for more than $60,000 are missing from the charity's accounts.", ACC),
        ('The director skipped the mandatory safety inspection two years in a row.', ACC),
        ('Inspectors discovered the butcher had refrozen meat past its use-by date.', ACC),
        ('The councillor steered the contract to a firm owned by a party colleague '
         'without a tender.', ACC),
        ('Leaked minutes show the board chose not to forward the complaints.', ACC),
        ('The man followed his former partner for months, the summons alleges.', ACC),
        ('Several parents say their children were left alone for hours at the nursery.', ACC),
        ('The hospital acted too late to contain the infection, inspectors said.', ACC),
        ('The campsite owner says the water was always tested according to the rules.', DEN),
        ('His lawyer says the suspect was at home with his girlfriend that night.', DEN),
        ("'We took every report seriously and investigated it,' the council said.", DEN),
        ('The builder blamed the concrete supplier.', ACC),
        ('The board stressed that the allowances are audited every year by an accountant.', DEN),
        ('The bank says customers were fully informed of the risks in advance.', DEN),
        ('The party called it a political vendetta.', DEN),
        ("The mayor would not address the opposition's questions.", NEU),
        ('The new pool opens in September.', NEU),
        ('The council denied that the library will close.', NEU),
        ('Last year 420 burglaries were reported in the county.', NEU),
        ('A 52-year-old woman from Almere was arrested after a stabbing.', NEU),
        ('The trial begins on March 12.', NEU),
        ('The inquiry is being led by an outside firm.', NEU),
        ('The minister announced an extra 40 million for youth services.', NEU),
        ('The coach reportedly forced injured players to take the field.', ACC),
    ], "en")


def test_nl_unseen_batch(rl: RuleLabeler) -> None:
    """A batch written after the structural rules and checked once before any fix."""
    check(rl, [
        ('Uit een steekproef van de inspectie blijkt dat de helft van de vrachtwagens '
         'van Transportbedrijf Kools te zwaar beladen was.', ACC),
        ('Volgens de tenlastelegging verkocht de apotheker jarenlang slaappillen zonder '
         'recept.', ACC),
        ('Oud-werknemers van de kwekerij vertellen dat ze twaalf uur per dag moesten '
         'werken voor zes uur loon.', ACC),
        ('De wethouder heeft de raad volgens de onderzoekscommissie bewust een te '
         'rooskleurig beeld gegeven.', ACC),
        ("'Ze hebben ons nooit verteld dat het water vervuild was', zegt een bewoonster "
         'van de flat.', ACC),
        ('De school zou klachten over de gymleraar jarenlang in een la hebben laten liggen.', ACC),
        ('Bewakingsbeelden laten zien hoe een medewerker van de winkel geld uit de kassa '
         'neemt.', ACC),
        ('De eigenaar van de kwekerij benadrukt dat alle medewerkers het cao-loon krijgen.', DEN),
        ("'Wij hebben ons altijd aan de afspraken gehouden', reageert de directeur van "
         'het busbedrijf.', DEN),
        ('De advocaat van de apotheker stelt dat zijn cliënt telkens een geldig recept '
         'had gezien.', DEN),
        ('Het ziekenhuis wijst erop dat de operatie volgens het protocol is uitgevoerd.', DEN),
        ('De club noemt het rapport van de bond eenzijdig en onvolledig.', DEN),
        ('Het bestuur van de vereniging vergadert volgende week over de nieuwe contributie.', NEU),
        ('De minister ontkent dat het kabinet de kinderbijslag wil verlagen.', NEU),
        ('Het onderzoek naar de oorzaak van de brand loopt nog.', NEU),
        ('Vorig jaar kregen ruim 3.000 automobilisten in de stad een boete voor te hard '
         'rijden.', NEU),
        ('Dieven gingen er met twee fietsen vandoor.', NEU),
        ('De gemeente wil de straat in het najaar opnieuw inrichten.', NEU),
        ('Volgens de politie is de bestuurder vermoedelijk in slaap gevallen.', NEU),
        ('Het rapport wordt volgende maand aan de Tweede Kamer gestuurd.', NEU),
    ], "nl")


def test_en_unseen_batch(rl: RuleLabeler) -> None:
    """A batch written after the structural rules and checked once before any fix."""
    check(rl, [
        ("A spot check by inspectors found that half of Kools Haulage's lorries were "
         'overloaded.', ACC),
        ('According to the charges, the pharmacist sold sleeping pills without '
         'prescriptions for years.', ACC),
        ('Former workers at the nursery say they had to work twelve hours a day for six '
         "hours' pay.", ACC),
        ('The councillor deliberately painted an overly rosy picture to the council, the '
         'inquiry found.', ACC),
        ("'They never told us the water was contaminated,' said one resident of the block.", ACC),
        ('The school is said to have left complaints about the PE teacher in a drawer '
         'for years.', ACC),
        ('Security footage shows a shop employee taking cash from the till.', ACC),
        ("The nursery's owner stressed that all staff receive the union wage.", DEN),
        ("'We have always kept to the agreements,' the bus company's director said.", DEN),
        ("The pharmacist's lawyer argues that his client saw a valid prescription every "
         'time.', DEN),
        ('The hospital points out that the operation was carried out according to protocol.', DEN),
        ("The club called the federation's report one-sided and incomplete.", DEN),
        ("The association's board meets next week to discuss the new membership fee.", NEU),
        ('The minister denied that the government plans to cut child benefit.', NEU),
        ('The investigation into the cause of the fire is continuing.', NEU),
        ('Last year more than 3,000 motorists in the city were fined for speeding.', NEU),
        ('Thieves made off with two bicycles.', NEU),
        ('The council wants to redesign the street in the autumn.', NEU),
        ('According to police, the driver probably fell asleep at the wheel.', NEU),
        ('The report will be sent to parliament next month.', NEU),
    ], "en")


def test_fourth_batch_guards_and_shapes(rl: RuleLabeler) -> None:
    """Fourth unseen batch (15 of 17 right before its two fixes): the guards of the frames.

    A plan denied, fines counted over many people and an accident told by the police stay
    neutral; a dismissed reported clause is a denial even where it looks like an
    attribution tail; a tenant's quotation is an account, not a compliance claim.
    """
    check(rl, [
        ("Het parket opende een strafrechtelijk onderzoek naar de zorginstelling.", ACC),
        ("'Wij hebben niets te vrezen', zegt de directeur.", DEN),
        ("De minister ontkent dat het kabinet de btw wil verhogen.", NEU),
        ("Vorig jaar kregen 1.200 fietsers een boete.", NEU),
        ("Dat de cijfers zouden zijn gemanipuleerd, is volgens de directie pertinent onjuist.",
         DEN),
        ("De fabrikant veegt de kritiek resoluut van tafel.", DEN),
        ("De rechtbank heeft de webwinkel opgedragen alle klanten terug te betalen.", ACC),
        ("Volgens de politie is de fietser door een gladde plek ten val gekomen.", NEU),
        ("'Ze hebben ons maandenlang aan het lijntje gehouden', zegt een huurder.", ACC),
    ], "nl")
    check(rl, [
        ("The regulator opened a formal investigation into Hollins Freight last week.", ACC),
        ("'We have nothing to fear from the audit,' the chairman said.", DEN),
        ("He said he only learned of the payments after the audit.", DEN),
        ("The minister denied that the government plans to raise VAT.", NEU),
        ("Last year 1,200 cyclists were fined.", NEU),
        ("Former staff said they were told to backdate the safety logs.", ACC),
        ("'They kept us waiting for months,' said one tenant.", ACC),
        ("The owner said the outage was caused by a storm, not by poor maintenance.", DEN),
        ("Firefighters arrived quickly and no one was hurt.", NEU),
    ], "en")


# ---------------------------------------------------------------------- cue pre-check


def test_pattern_heads_reader() -> None:
    """The literal-prefix reader handles the regex syntax the lexicons use, conservatively."""
    from wederhoor.labelers.regex_parse import pattern_heads

    assert pattern_heads(r"\bontken\w*") == {"ontken"}
    assert pattern_heads(r"\b(?:wijst|wees) er\b") == {"wijst er", "wees er"}
    assert pattern_heads(r"(?<!het )\bverwijt(?:en)?\b") == {"verwijt", "verwijten"}
    assert pattern_heads(r"\bden(?:y|ies)\b|\brefut") == {"deny", "denies", "refut"}
    assert pattern_heads(r"[,;] ?wat") == {", wat", ",wat", "; wat", ";wat"}
    assert pattern_heads(r"\bno(?:t)? \w+") == {"no ", "not "}
    assert pattern_heads(r"(?:ab){2}c") == {"ab"}
    assert pattern_heads(r"^(?:dat|dit)\b x") == {"dat x", "dit x"}
    assert pattern_heads(r"\{lit\}") == {"{lit}"}
    # a part that would multiply the heads past MAX_HEADS ends them before it (shorter heads
    # are still heads); a first part counts whole, however long
    from wederhoor.labelers.regex_parse import MAX_HEADS

    words = [f"w{i:04d}" for i in range(100)]
    assert len(words) ** 2 > MAX_HEADS
    assert pattern_heads(rf"\b(?:{'|'.join(words)}) (?:{'|'.join(words)})\b") == {
        f"{w} " for w in words}
    assert pattern_heads(rf"(?:{'|'.join(words)})") == set(words)
    # no usable literal prefix, or syntax the reader does not model: no heads (always run)
    assert pattern_heads(r"\w+regels") is None
    assert pattern_heads(r"(?:x)?abc|[a-z]bc") is None
    assert pattern_heads(r"(?i)deny") is None
    assert pattern_heads(r"a|b") is None  # heads shorter than two characters
    assert pattern_heads(r"(unclosed") is None


def test_every_match_starts_with_a_head(rl: RuleLabeler) -> None:
    """Soundness of the reader on the real lexicons: no match can start without a head."""
    from wederhoor.labelers.matcher import matches
    from wederhoor.labelers.text import normalise

    for lang in rl.languages:
        lex = rl.lexicon(lang)
        heads = {i: set() for i in range(len(lex.functions))}
        for head, owners in lex.cues.owners.items():
            for i in owners:
                heads[i].add(head)
        for text, text_lang in SEEN:
            if text_lang != lang:
                continue
            s = normalise(text)
            for i, fn in enumerate(lex.functions):
                if i in lex.always:
                    continue
                for m in matches(fn, s, None):
                    assert any(s.startswith(h, m.start()) for h in heads[i]), (fn.name, text)


def test_nl_dat_clause_after_reporting_verb(rl: RuleLabeler) -> None:
    """Who speaks and what the verb-final dat-clause says, with no accusation verb at all.

    Written as a fresh batch before the clause-structure functions were checked against it.
    """
    check(rl, [
        # the accusing side + a fault or a wrong in the dat-clause
        ("De gemeenteraad meent dat wethouder Kuipers de raad onvolledig heeft ingelicht "
         "over de kosten.", ACC),
        ("Oud-collega's stellen dat de directeur de cijfers jarenlang mooier heeft "
         "voorgesteld dan ze waren.", ACC),
        ("De vakbond vindt dat Transportbedrijf Geerts de chauffeurs te weinig rust gunt.", ACC),
        ("De spelersvakbond stelt dat de club de lonen van januari nog steeds niet heeft "
         "uitbetaald.", ACC),
        ("Buurtbewoners zijn ervan overtuigd dat de scheuren door het heiwerk van de "
         "aannemer komen.", ACC),
        ("De ouders stellen dat de school de pestklachten nooit serieus heeft genomen.", ACC),
        ("De klager schrijft dat de notaris zijn handtekening heeft nagemaakt.", ACC),
        # "blijft erbij" / "houdt vol" keeps a charge when the clause holds one
        ("De buren blijven erbij dat de uitbater het afval 's nachts in de beek loosde.", ACC),
        # the accused side + a negation, compliance or another cause in the dat-clause
        ("Zijn raadsman stelt dat zijn cliënt op geen enkel moment geld heeft aangenomen.", DEN),
        ("De advocaat van de zaakvoerder benadrukt dat alle facturen correct zijn "
         "ingediend.", DEN),
        ("De advocaat van de huisarts stelt dat alle voorschriften medisch verantwoord "
         "waren.", DEN),
        ("De directie laat weten dat er op de werf geen enkele werknemer onder het "
         "minimumloon werkt.", DEN),
        ("Voorzitter Janssens verklaart dat alle spelers hun loon op tijd hebben "
         "ontvangen.", DEN),
        ("De fabriek stelt dat de verhoogde waarden door een storing in een "
         "zuiveringsinstallatie kwamen en meteen zijn gemeld.", DEN),
        ("De huisbaas stelt dat de huurster zelf de ventilatie had dichtgeplakt.", DEN),
        ("Het kabinet laat weten dat zulke vragen dagelijkse routine zijn.", DEN),
        ("Daarnaast stelt de advocaat van de rederij dat er nooit olie is geloosd.", DEN),
        # the speaker's own conduct: subject-control infinitive or a dat-clause about himself
        ("De aannemer zegt niet verantwoordelijk te zijn voor de scheuren in de gevel.", DEN),
        ("De garagehouder zegt dat hij de tellers nooit heeft aangeraakt.", DEN),
        ("Hij stelt dat hij het rapport heeft teruggestuurd omdat de metingen niet "
         "klopten.", DEN),
        # reporting verbs without a stance stay neutral
        ("De minister zegt dat de nieuwe regeling in januari ingaat.", NEU),
        ("De woordvoerder van de gemeente zegt dat de brug volgende week weer open gaat.", NEU),
        ("De advocaat zegt dat de zaak waarschijnlijk pas na de zomer voorkomt.", NEU),
        ("De zaakvoerder zegt dat hij het bedrijf volgend jaar wil overdragen aan zijn "
         "dochter.", NEU),
        ("Omwonenden zeggen dat ze blij zijn met het nieuwe fietspad.", NEU),
        ("De Zorginspectie laat weten dat ze individuele klachten niet publiek "
         "becommentarieert.", NEU),
        ("Het Openbaar Ministerie bevestigt dat er een aangifte is binnengekomen, maar doet "
         "verder geen mededelingen.", NEU),
    ], "nl")


def test_nl_hearsay_and_omission(rl: RuleLabeler) -> None:
    """"zou ... hebben + participle" and duties not done; a negated wrong is no omission."""
    check(rl, [
        ("De penningmeester zou jarenlang geld uit de clubkas hebben weggesluisd.", ACC),
        ("De trainer zou minderjarige spelers hebben lastiggevallen.", ACC),
        ("Het ministerie zou het kritische rapport maanden in een la hebben laten liggen.", ACC),
        ("De kinderarts zou signalen van mishandeling niet hebben doorgegeven aan Veilig "
         "Thuis.", ACC),
        ("De notaris zou de wilsbekwaamheid van de man niet hebben laten onderzoeken.", ACC),
        ("Het zorgbureau declareerde miljoenen voor uren die nooit zijn gewerkt.", ACC),
        ("De ex-directeur zou bonussen aan zichzelf hebben toegekend zonder goedkeuring van "
         "de raad van bestuur.", ACC),
        # the negated wrong itself, in the accused's voice, stays a denial
        ("De wethouder zou nooit steekpenningen hebben aangenomen, zegt zijn advocaat.", DEN),
    ], "nl")


def test_nl_passive_charges_and_colon_sources(rl: RuleLabeler) -> None:
    """Passive charges, legal steps, a source before a colon, quotes of the accused side."""
    check(rl, [
        ("De ambtenaar wordt verweten dat hij vertrouwelijke stukken heeft doorgespeeld.", ACC),
        ("Aan de twee broers wordt afpersing en bedreiging ten laste gelegd.", ACC),
        ("De feiten waarvan de gewezen schepen beschuldigd wordt, dateren van 2019.", ACC),
        ("Notaris moet zich verantwoorden voor testament van dementerende weduwnaar", ACC),
        ("OM eist jeugddetentie tegen 19-jarige voor ransomware-aanval", ACC),
        ("De raadkamer besliste dat de verdachte nog een maand in voorhechtenis blijft.", ACC),
        ("Familie klaagt verwaarlozing aan in woonzorgcentrum Ter Linde", ACC),
        ("De stichting eist dat de webwinkel gedupeerde klanten een deel van het bedrag "
         "terugbetaalt.", ACC),
        ("Inspectie: zorginstelling liet bewoners urenlang zonder hulp", ACC),
        ("Curator: bestuurder haalde vlak voor faillissement geld weg", ACC),
        ("Zij vertelt dat de huisbaas haar buitenzette toen ze over de schimmel klaagde.", ACC),
        ("Burgemeester Wouters: 'Ik heb me aan elke regel gehouden'", DEN),
        ("'Die kosten staan gewoon in de algemene voorwaarden', reageert de eigenaar van de "
         "webshop.", DEN),
        ("De clubleiding reageert verbolgen en spreekt van een lastercampagne.", DEN),
        ("Dat sommige terugbetalingen lang uitbleven, wijt hij aan een nieuwe "
         "betaalprovider.", DEN),
        ("'Hier valt niets weg te moffelen', zegt de directeur.", DEN),
        ("Omwonenden kunnen nog tot 12 maart beroep aantekenen bij de deputatie.", NEU),
        ("Zij kan een notaris een waarschuwing, een berisping, een schorsing of in het "
         "uiterste geval een ontzetting uit het ambt opleggen.", NEU),
        ("In de regio werden vorig jaar 14 gevallen van stroperij vastgesteld.", NEU),
    ], "nl")


def test_nl_round5_general_shapes(rl: RuleLabeler) -> None:
    """Shapes without a cue word: anonymous insiders, complaints, a norm held against the
    conduct, repeated vain contact, an omission and its harm, corrective negation, a named
    speaker's own version; with the neutral look-alikes they must leave alone."""
    check(rl, [
        ("Drie verpleegkundigen vertellen anoniem hoe de afdeling maandenlang onderbezet "
         "bleef.", ACC),
        ("Buurtbewoners klagen al maanden over lawaai van het distributiecentrum.", ACC),
        ("De groothandel sloeg 900 ton kunstmest op, terwijl de vergunning hooguit 500 ton "
         "toelaat.", ACC),
        ("'Ik heb vier keer gebeld en twee keer gemaild, maar niemand kwam kijken', zegt een "
         "huurster.", ACC),
        ("De tanks werden niet gecontroleerd, waardoor olie in de beek kon weglekken.", ACC),
        ("De opzichter liet de werf zonder enige afscherming achter.", ACC),
        ("Klanten van reisbureau Zonnig wachten al maanden op hun terugbetaling.", ACC),
        ("De twee bv's van Jansen bestonden alleen op papier.", ACC),
        ("De procureur vroeg de rechter om de straf te verzwaren tot drie jaar.", ACC),
        ("De vakbond wijst erop dat het bedrijf de lonen al twee maanden niet heeft "
         "uitbetaald.", ACC),
        ("Op de laptop van Vermeer vond de recherche een lijst met wachtwoorden van "
         "klanten.", ACC),
        ("'Ze lieten de vergunning gewoon verlopen', zegt een van hen.", ACC),
        ("'Sinds ze die nieuwe loods hebben gebouwd, slapen we met oordopjes', zegt Joke "
         "Maes (58).",
         ACC),
        ("De storing lag aan een defecte router, en niet aan een hackersaanval, zegt Jeroen "
         "Smits.", DEN),
        ("Van belangenverstrengeling is volgens Marleen Hoste geen sprake.", DEN),
        ("Volgens Dekkers kwam de vertraging door een leverancier die failliet ging.", DEN),
        ("Bakkerij Hendrikx stelt dat alle ingrediënten op het etiket stonden.", DEN),
        ("'Die tekeningen zijn van ons, en dat kunnen we met de oorspronkelijke schetsen "
         "aantonen', zegt ontwerper Bram Claes.", DEN),
        ("'Elke bestelling wordt bij ons gecontroleerd en gewogen', zegt de eigenaar.", DEN),
        # look-alikes: an accusing body saying "no", weather damage, a plain contrast, care
        # waiting lists, a correction of a date, a state medium as source
        ("Volgens de rechtbank is er geen sprake van opzet.", NEU),
        ("Door de storm viel de stroom uit, waardoor honderden gezinnen zonder verwarming "
         "zaten.", NEU),
        ("Het zwembad gaat dicht, terwijl de sporthal open blijft.", NEU),
        ("Patiënten wachten soms maanden op een operatie.", NEU),
        ("De brug gaat in maart open en niet in februari, zegt de gemeente.", NEU),
        ("Volgens Kaldavische staatsmedia begint het proces in mei.", NEU),
        ("Een van hen raakte lichtgewond en werd naar het ziekenhuis gebracht.", NEU),
        ("Vanaf januari moet elke aanvraag digitaal worden gecontroleerd.", NEU),
        ("Bij graafwerk vonden archeologen op het terrein van de abdij een munt.", NEU),
        ("'Het was een prachtige dag', zegt Jan Peeters (71).", NEU),
    ], "nl")
    # proof offered by the prosecution is no defence
    assert rl.label_one("De aanklager kan aantonen dat de man die nacht in Gent was.",
                        "nl")[0] != DEN
    # the appeal prosecutor is no defence lawyer
    label, fired = rl.label_one("Die firma's bestonden enkel op papier, aldus de "
                                "advocaat-generaal.", "nl")
    assert label == ACC and "nl_spokesperson_defends" not in fired


def test_macro_trie_matches_flat_alternation() -> None:
    """A macro's plain words become a trie for speed; it must match what the list matched."""
    import re

    from wederhoor.labelers.regex_trie import word_list_regex

    words = ["gestolen", "gestold", "vervalst", "vervalste", "doping gebruikt", "ge\\w+d",
             "in de doofpot gestopt", "valse?"]
    trie = re.compile(r"\b" + word_list_regex(words) + r"\b")
    flat = re.compile(r"\b(?:" + "|".join(words) + r")\b")
    for text in ["hij heeft gestolen", "de gestolde melk", "een vervalste akte", "gevonden",
                 "doping gebruikt", "in de doofpot gestopt", "valse facturen", "niets", "val"]:
        assert bool(trie.search(text)) == bool(flat.search(text)), text
        if flat.search(text):
            assert trie.search(text).start() == flat.search(text).start(), text


@pytest.mark.slow  # every seed sentence, 3-4 s: make test-slow and CI run it
def test_cue_precheck_does_not_change_results(rl: RuleLabeler) -> None:
    """The fast pre-check must never hide a function that would have fired.

    Replays every sentence the tests above labelled (pytest runs this file top to bottom)
    plus a few of its own, with and without the pre-check.
    """
    from wederhoor.labelers.matcher import fire

    own = [
        ("Ondanks zijn ontkenning werd de aannemer veroordeeld.", "nl"),
        ("Het bedrijf is gedagvaard wegens oplichting.", "nl"),
        ("De strafvervolging tegen de notaris loopt nog.", "nl"),
        ("Alle veiligheidsregels werden strikt nageleefd.", "nl"),
        ("Critics accused the ministry of hiding the report, which it denies.", "en"),
        ("The plant was fully licensed to operate.", "en"),
    ]
    for text, lang in own + SEEN:
        lex = rl.lexicon(lang)
        assert fire(lex, text) == fire(lex, text, gated=False), text


def test_every_shipped_function_is_gated(rl: RuleLabeler) -> None:
    """A pattern without a literal start would make its function run on every sentence."""
    for lang in rl.languages:
        lex = rl.lexicon(lang)
        assert not lex.always, [lex.functions[i].name for i in lex.always]


def test_nl_conduct_without_cue_words(rl: RuleLabeler) -> None:
    """A wrong told by what a party did or failed to do, with no verb of accusing."""
    check(rl, [
        ("De directie wist al sinds 2019 van de asbest in de kelder, maar lichtte het personeel "
         "niet in.", ACC),
        ("Het bouwbedrijf stuurde facturen voor werk dat nooit werd uitgevoerd.", ACC),
        ("Ondanks herhaalde waarschuwingen van de brandweer bleef de nooduitgang van de zaal op "
         "slot.", ACC),
        ("De slager verkocht gewoon varkensvlees als biologisch rundvlees.", ACC),
        ("De gemeente hield het rapport over de vervuiling twee jaar in de kast.", ACC),
        ("Het datalek werd pas na vijf weken bij de toezichthouder gemeld.", ACC),
        ("De aannemer liet de werf na de eerste betaling in de steek.", ACC),
        ("De verhuurder reageerde maandenlang niet op mails over de kapotte verwarming.", ACC),
        ("Controleurs troffen in de loods 600 kilo illegaal vuurwerk aan.", ACC),
        ("De arts schreef de pijnstillers voor zonder de patiënt ooit te hebben gezien.", ACC),
        ("De fabriek stootte in het weekend tot vier keer meer stikstof uit dan de vergunning "
         "toelaat.", ACC),
        # the same shapes without a wrong stay neutral
        ("Bij de controle werden geen overtredingen vastgesteld.", NEU),
        ("Ondanks de regen kwamen er 20.000 bezoekers naar het festival.", NEU),
        ("Het pakket werd pas na vijf dagen bezorgd door de storm.", NEU),
        ("De politie trof in de woning niemand aan.", NEU),
        # the accused saying he learned of it late is his defence
        ("In een brief schrijft de staatssecretaris dat hij pas in juni van de memo hoorde.",
         DEN),
    ], "nl")


def test_en_conduct_without_cue_words(rl: RuleLabeler) -> None:
    check(rl, [
        ("The builder billed the council for work that was never carried out.", ACC),
        ("Despite repeated warnings from the fire service, the emergency exit stayed locked.",
         ACC),
        ("The plant released four times more nitrogen than its permit allows.", ACC),
        ("The breach was only reported to the regulator five weeks later.", ACC),
        ("Despite the rain, 20,000 people came to the festival.", NEU),
        ("Emissions stayed well below the legal limit all year.", NEU),
    ], "en")


def test_nl_answers_and_charges_told_in_other_words(rl: RuleLabeler) -> None:
    """Dismissals with the charge put first, idioms of refusal, warrants, intent, conditions."""
    check(rl, [
        # the charge first, then named by the one it targets
        ("De verwijten van de oppositie noemt de burgemeester 'pure verkiezingsretoriek'.", DEN),
        ("Dat haar bureau subsidies zou hebben misbruikt, noemt ze 'een kwalijk gerucht'.", DEN),
        ("De trainer wil van een opgezet spelletje niets weten.", DEN),
        ("De brouwerij legt de oorzaak bij een defecte klep in de nieuwe leiding.", DEN),
        ("De zorggroep heeft bezwaar gemaakt tegen de bevindingen van de inspectie.", DEN),
        ("Zijn advocaat zegt dat de procedures 'te allen tijde' werden gevolgd.", DEN),
        ("De speler ontkent dat hij zijn tegenstander bewust wilde raken.", DEN),
        # warrants, civil parties, money claimed back, intent, a breach named by its rule
        ("De onderzoeksrechter heeft de zaakvoerder van Bouwwerken Mertens onder "
         "aanhoudingsmandaat geplaatst.", ACC),
        ("Twee gezinnen hebben zich burgerlijke partij gesteld tegen het rusthuis.", ACC),
        ("De schepen speelde de opdracht toe aan een bedrijf van zijn neef.", ACC),
        ("Volgens de coach was die elleboogstoot met opzet.", ACC),
        ("De wethouder stemde mee over het plan van zijn broer, wat de gedragscode "
         "uitdrukkelijk verbiedt.", ACC),
        ("Ze kreeg pas na vier weken en drie herinneringen antwoord van de webwinkel.", ACC),
        # the same words without a charge stay neutral
        ("Als het onderzoek een overtreding aantoont, kan de renner alsnog worden geschorst.",
         NEU),
        ("De bond, die zich burgerlijke partij had gesteld, bestudeert het vonnis.", NEU),
        ("De club zegt dat ze racisme verafschuwt en de daders wil opsporen.", NEU),
        ("Volgens de politie verhuizen drugslabs steeds vaker naar landelijke gebieden.", NEU),
        ("Hoogleraar Jansen wijst erop dat beide legers hetzelfde type granaten gebruiken.", NEU),
        ("Het speelde zich allemaal af op een zonnige dinsdag.", NEU),
    ], "nl")


def test_en_answers_told_in_other_words(rl: RuleLabeler) -> None:
    check(rl, [
        ("The landlord disputed Ms Okoro's figures.", DEN),
        ("The club rejected that estimate, saying only two fans were involved.", DEN),
        ("The hospital said staff followed established safety protocols throughout.", DEN),
        ("The umpires applied the rules correctly, the league said.", DEN),
        ("The mayor said he was confident the inquiry would clear his name.", DEN),
        ("The quarry will take the fine to court rather than pay it.", DEN),
        ("If the panel finds a breach, the player could be banned for six games.", NEU),
        ("The vote has been pushed back a week.", NEU),
    ], "en")


def test_nl_own_word_answers_and_conduct_accounts(rl: RuleLabeler) -> None:
    """Answers in the accused's own words; charges told by counts, demands and late goods."""
    check(rl, [
        ("'Mijn cliënt is zelf het grootste slachtoffer van deze zaak', zegt zijn advocate.", DEN),
        ("'Die foto's zijn in scène gezet door onze tegenstanders', zei de generaal.", DEN),
        ("'Er was op geen enkel moment gevaar voor de bezoekers', aldus de organisator.", DEN),
        ("Er is volgens Van Dyck geen enkele aanwijzing dat klantgegevens zijn gestolen.", DEN),
        ("De eigenaar zegt zelf dat hij de brieven van de gemeente nooit heeft ontvangen.", DEN),
        ("'Ik heb pas achteraf gezien dat de bal al over de lijn was', zei de doelman.", DEN),
        ("De advocate van de verdachte ontkende tijdens het proces niet dat haar cliënt de "
         "wagen had bestuurd.", ACC),
        ("De aanklager veegde die uitleg van tafel.", ACC),
        ("De vakbond eist dat de directie de achterstallige premies alsnog uitbetaalt.", ACC),
        ("Het bondsparket wil doelman Tim Claes vier speeldagen schorsen voor een kopstoot.", ACC),
        ("De buurman zegt dat hij de gemeente vier keer heeft gewaarschuwd.", ACC),
        ("Stalen uit de beek achter de fabriek van Metaplus bevatten drie keer de toegelaten "
         "hoeveelheid lood.", ACC),
        ("Tientallen klanten kregen hun bestelling maanden te laat.", ACC),
        # the same shapes without a charge
        ("Lukt de herstelling niet, dan kan de school de lessen verplaatsen.", NEU),
        ("De raadkamer beslist vrijdag of de verdachte in voorlopige hechtenis blijft.", NEU),
        ("Er werd ingebroken in twee tuinhuizen; de daders zijn nooit gevonden.", NEU),
        ("Of de prijzen stijgen, is volgens de sector nog niet te zeggen.", NEU),
        ("Tot dan mag de spits gewoon meetrainen.", NEU),
        ("Hij zegt dat hij de schuld in april volledig wil terugbetalen.", NEU),
    ], "nl")


def test_en_conduct_and_defence_accounts(rl: RuleLabeler) -> None:
    check(rl, [
        ("Ex-treasurer 'spent club funds on his own holidays', court told", ACC),
        ("Councillor slams Harbourview Homes over damp flats", ACC),
        ("Staff at Pellow Logistics were told to backdate invoices, according to internal "
         "emails seen by this newspaper.", ACC),
        ("Drivers say Fuelmart Ltd pumps delivered less diesel than their receipts stated.",
         ACC),
        ("Relatives say Birchwood Care left their mother waiting nine hours for a doctor.", ACC),
        ("He said he rang the landlord at least five times about the leak.", ACC),
        ("She reported the quarry to the environment agency in March.", ACC),
        ("The monitors attributed the shelling to government forces.", ACC),
        ("His barrister said the affair was about sloppy paperwork, not fraud.", DEN),
        ("The firm said it had run the site for ten years without a single complaint.", DEN),
        # the same words with no party or no charge
        ("Two blasts shook the harbour district overnight.", NEU),
        ("Officials imposed a hosepipe ban across the county on Monday.", NEU),
        ("The Serious Fraud Office's economic crime unit took over the file in May.", NEU),
    ], "en")


def test_nl_investigator_findings(rl: RuleLabeler) -> None:
    """What inspectors or camera images found is evidence; a clean inspection is not."""
    check(rl, [
        ("De controleurs troffen in de koelcel veertig kilo vlees zonder etiket aan.", ACC),
        ("Bewakingsbeelden tonen hoe de uitbater zelf de vuilniszakken in de beek gooit.", ACC),
        ("De inspecteurs telden twee begeleiders voor dertig kinderen.", ACC),
        ("De inspecteurs vonden bij het tweede bezoek geen gebreken meer.", NEU),
        ("Onderzoekers vonden in het natuurgebied een zeldzame kever.", NEU),
    ], "nl")


def test_nl_document_sources(rl: RuleLabeler) -> None:
    check(rl, [
        ("Volgens interne stukken wist de directie al in maart van de lekkende tank.", ACC),
        ("Dat blijkt uit facturen en e-mails die deze redactie kon inkijken.", ACC),
        ("De notulen van de vergadering worden volgende week gepubliceerd.", NEU),
    ], "nl")


def test_nl_knowing_intent_and_late_reports(rl: RuleLabeler) -> None:
    check(rl, [
        ("'Zo'n fabriek weet heel goed waar ze mee bezig is', zegt de buurtbewoonster.", ACC),
        ("De inspecteurs hebben vastgesteld dat de brandtrap al maanden geblokkeerd was.", ACC),
        ("De school meldde het incident pas drie weken later aan de ouders.", ACC),
        ("'Hij weet precies wat hij wil en dat is de titel', zegt zijn trainer.", NEU),
    ], "nl")


def test_en_findings_defences_and_neutral_traps(rl: RuleLabeler) -> None:
    check(rl, [
        ("Hospital trust ignored staffing warnings, coroner finds", ACC),
        ("The lawsuit, filed in state court, claims the landlord cut off the heating in "
         "January.", ACC),
        ("Inspectors found the builder had swapped the specified insulation for a cheaper "
         "board.", ACC),
        ("The rebels demanded a ransom of $500,000 for the engineers.", ACC),
        ("A neighbour said she saw two men in Talbot Farms overalls dumping drums into the "
         "river.", ACC),
        ("Verlane Rugby sent the winger back on without a head injury assessment.", ACC),
        ("The sergeant used reasonable force to restrain the man, the federation said.", DEN),
        ("The firm said the video 'does not show the full picture'.", DEN),
        ("'We built the stand to code,' the contractor said.", DEN),
        ("The company said its kitchens are audited every year by an independent body.", DEN),
        ("The dealer said the refund was 'not an admission of liability'.", DEN),
        ("The supplier said the results were simply wrong.", DEN),
        # traps that stay neutral
        ("A battery-powered bus started service on Monday.", NEU),
        ("Passengers blamed the weather for the late arrival.", NEU),
        ("The opening was pushed back when the parts arrived late.", NEU),
        ("False origin labels can lead to an unlimited fine.", NEU),
        ("The club denied fans the chance to buy tickets online.", NEU),
    ], "en")


def test_nl_testimony_explanations_and_procedure(rl: RuleLabeler) -> None:
    check(rl, [
        ("Twee klanten verklaarden tegenover speurders dat ze contant moesten betalen.", ACC),
        ("Een voormalige boekhouder bevestigt dat de kas nooit werd nageteld.", ACC),
        ("Op de laptop vonden speurders ook valse facturen.", ACC),
        ("De oud-bestuursleden spreken dat tegen.", ACC),
        ("De curator vindt dat inbraakverhaal weinig geloofwaardig.", ACC),
        ("'We zijn door hun toedoen failliet gegaan', zegt de leverancier.", ACC),
        ("De FIOD viel binnen bij transportbedrijf Velders wegens btw-fraude.", ACC),
        ("Het tekort verklaart de penningmeester met een rekenfout van de bank.", DEN),
        ("Volgens de maatschappij werd de brandweer binnen het uur verwittigd.", DEN),
        # procedure and general statements stay neutral
        ("De FIOD viel om zes uur binnen bij het hoofdkantoor van Velders.", NEU),
        ("De raadkamer moet oordelen of de feiten nog kunnen worden vervolgd.", NEU),
        ("De kandidaat betwist de uitslag niet.", NEU),
        ("Bij de gemeente kwamen geen klachten binnen over de werken.", NEU),
        ("Winkeldiefstal neemt in de grote steden al jaren toe.", NEU),
    ], "nl")


def test_nl_counter_stories_of_real_reporting(rl: RuleLabeler) -> None:
    check(rl, [
        ("Wethouder Kroeze wist naar eigen zeggen van niks.", DEN),
        ("Als er iets is misgelopen, dan is dat buiten medeweten van de directie gebeurd.", DEN),
        ("De burgemeester vertrouwt erop dat het onderzoek de schepen zal zuiveren.", DEN),
        ("Pixelbank schrijft dat haar servers op geen enkel moment zijn gehackt.", DEN),
        ("Schepen Van Dael noemt zichzelf 'de eerlijkste politicus van het dorp'.", DEN),
        ("Chemiebedrijf Korvex spreekt van een technisch incident.", DEN),
        ("De CEO verwijst naar een voormalige financieel directeur.", DEN),
        ("Het is voorbarig om met de vinger naar ons te wijzen.", DEN),
        ("Lees ook: OM: cryptodienst Nachtlijn was speeltuin voor drugsbendes", ACC),
        ("De oppositie vertrouwt erop dat het onderzoek zal aantonen dat Kroeze loog.", ACC),
        ("Niemand weet nog wanneer de brug weer opengaat.", NEU),
    ], "nl")


def test_en_counter_stories_of_real_reporting(rl: RuleLabeler) -> None:
    check(rl, [
        ("Pennmoor said the files did not come from its systems.", DEN),
        ("It is not our data, the company's security chief said.", DEN),
        ("The firm said the discrepancies arose from a software migration in 2020.", DEN),
        ("She said the error had been introduced by an outside contractor.", DEN),
        ("Dorsey said she had no idea that a treasurer had booked the expenses.", DEN),
        ('"Nobody ever handed Councillor Brack an envelope," his lawyer said.', DEN),
        ("Investigators hired by the app found no sign of unauthorised access.", DEN),
        ('Hallam calls himself "the most audited man in the county."', DEN),
        ("The company said both men had an obvious axe to grind.", DEN),
        ("Kestrel Police said it would be inappropriate to comment.", NEU),
        ("Prosecutors said the invoices were forged by Marsh.", ACC),
        ("She had no idea she was expecting twins until the scan.", NEU),
    ], "en")


def test_en_headline_rebuttals_and_sports_sense(rl: RuleLabeler) -> None:
    check(rl, [
        ("No, Brookfell Dairy did not water down its milk", DEN),
        ("Classic Jaguar wasn't stolen by ex-gardener, police say", DEN),
        ("Did the Harwick mayor's driver bin the tender files? Audit says no", DEN),
        ("Parcelo says no breach took place", DEN),
        ("Injury-time header denies Dunmore Town first win of the season", NEU),
        ("Midfielder denies he has agreed move to Calder Athletic", NEU),
        ("Review finds sharp rise in bike thefts in Oakbury", NEU),
        ("Mayor denies taking cash from developer", DEN),
    ], "en")


def test_nl_real_news_families(rl: RuleLabeler) -> None:
    """Issue 12: shapes of published Dutch and Flemish news, one or two per family."""
    check(rl, [
        # counter-stories and answers of the accused side
        ("'De penningmeester heeft nooit één cent van de club in eigen zak gestoken.", DEN),
        ("Dat zij de offerte mee zou hebben goedgekeurd, herinnert de burgemeester zich niet.",
         DEN),
        ("Webshop Lindor meldt dat zijn servers op geen enkel moment zijn gekraakt.", DEN),
        ("Brouwerij Valck spreekt van 'een eenmalig menselijke fout'.", DEN),
        # misconduct told in the reporter's own voice, and court and referral narrative
        ("Zorghotel Ter Linde heeft bewoners maandenlang zonder geldige reden opgesloten.",
         ACC),
        ("Aannemer Depaepe boekte facturen in van firma's die geen werk hadden geleverd.",
         ACC),
        ("De boekhouder merkte vreemde betalingen op aan een onbekende drukkerij.", ACC),
        ("De bedragen bleven telkens net onder de grens van 10.000 euro.", ACC),
        ("De inspectie heeft het dossier doorgestuurd naar het parket van Limburg.", ACC),
        ("Het ziekenhuis heeft zich burgerlijke partij gesteld tegen de arts.", ACC),
        ("Gedeputeerde Wouters gunde de renovatie aan het bouwbedrijf van zijn zwager.", ACC),
        ("De oppositie blijft erbij dat er met de aanbesteding iets niet klopt.", ACC),
        ("Fietsenwinkel Rens lekte de adressen van duizenden klanten.", ACC),
        ("Het parket opende een onderzoek naar mogelijke fraude bij Tolpark.", ACC),
        ("Volgens de officier van justitie wist de directie van de gebrekkige remmen.", ACC),
        ("De buurtvereniging vindt dat de fabriek de regels aan haar laars lapt.", ACC),
        ("Oud-voorzitter tennisclub moet 8.000 euro terugbetalen", ACC),
        ("De raad wil een extern onderzoek naar de reiskosten van de burgemeester.", ACC),
        ("Een voormalig chauffeur van de firma verklaart dat hij nooit een rusttijd kreeg.",
         ACC),
        # procedure, conditions, open questions and page furniture stay neutral
        ("Vandaag staat Jan P. (51) terecht in de rechtbank van Gent.", NEU),
        ("Bij een veroordeling riskeert de renner een schorsing van twee jaar.", NEU),
        ("Of de melding op tijd is gebeurd, wordt nog onderzocht.", NEU),
        ("De leverancier laat weten niet in te gaan op vragen over individuele klanten.", NEU),
        ("Banken moeten verdachte transacties melden aan de toezichthouder.", NEU),
        ("LEES OOK. Fiscus start jacht op fictieve facturen in de horeca", NEU),
    ], "nl")


def test_en_real_news_families(rl: RuleLabeler) -> None:
    """Issue 12: shapes of published English news and headlines, one or two per family."""
    check(rl, [
        # counter-stories and answers of the accused side
        ("The defence barrister told the jury his client had borrowed the van.", DEN),
        ("Okafor told the jury he believed the invoices had been approved.", DEN),
        ("The firm said the former managers were disgruntled ex-employees.", DEN),
        ("She said the Lisbon trip was for a trade conference and that her partner paid "
         "his own way.", DEN),
        ('The mayor said he had "no idea" that his aide had billed the council.', DEN),
        ("Dunmere's case is that the money was a loan from his mother.", DEN),
        ("The chain blamed a software glitch for the double charges.", DEN),
        ("The owner said the critics' account 'does not reflect what happened here'.", DEN),
        # reporter-voice misconduct and court narrative
        ("The short seller said the insurer booked premiums from clients that did not "
         "exist.", ACC),
        ("The report said the contracts went to a firm controlled by relatives of the "
         "mayor.", ACC),
        ("Prosecutors showed jurors a ledger found in the accountant's desk.", ACC),
        ("Bookmakers flagged suspicious bets on the match from new accounts.", ACC),
        ("Two councillors said Hendry should step down while the audit runs.", ACC),
        ("A second nurse was disciplined for failing to record the doses.", ACC),
        ("The council referred the matter to the police in June.", ACC),
        ("Internal test results showing the fault were filed months before the recall.", ACC),
        # procedure, advice and precautions stay neutral
        ("Judge Carla Ross told jurors to expect a verdict next week.", NEU),
        ("The lesser charge carries a maximum fine of £5,000.", NEU),
        ("The bank said it was reviewing its legal options.", NEU),
        ("Owners should stop using the kettles and return them to the shop.", NEU),
        ("The airline said it had grounded the plane as a precaution.", NEU),
        ("Missing terrier found safe after three days on the moor", NEU),
    ], "en")


def test_en_headline_shapes(rl: RuleLabeler) -> None:
    """Issue 12: English headline shapes of claims and rebuttals."""
    check(rl, [
        ("'I never took a penny,' insists builder accused of cheating pensioners", DEN),
        ("Landlord accused of ignoring mould: 'Every repair was logged'", DEN),
        ("Ombudsman clears Harlow Water of misleading customers", DEN),
        ("Is Brightcrumb bread secretly frozen? Bakery says its loaves are fresh", DEN),
        ("Council: no evidence Ashgate caretaker took the missing laptops", DEN),
        ("Trawler owner says dead seals are not his fault", DEN),
        ("Valemont Chemicals: river foam 'did not come from our plant'", DEN),
        ("Claims Pell Bridge is unstable are 'fantasy', engineers say", DEN),
        ("Ex-jockey Dan Pryor: 'I never stopped a horse'", DEN),
        ("Prosecutors dismiss Varga's claim he was set up by his partner", ACC),
        ("Ferry firm ignored engine warnings, families of drowned crew claim", ACC),
        ("Scooter rider was twice over drink-drive limit: police", ACC),
        ("CCTV shows guard pushing shopper down escalator, lawyer says", ACC),
        ("Rumours of a panther loose near Ulston were a hoax, police say", NEU),
        ("Singer Mara Vey denies she is leaving the band", NEU),
        ("Rumours of Northgate Rovers sale unfounded, chairman says", NEU),
        ("Grandmother had no idea her old vase was worth £40,000", NEU),
    ], "en")


def test_en_headline_attack_on_a_claim_and_loaded_questions(rl: RuleLabeler) -> None:
    """Attacking a claim is a denial, attacking a person an accusation; a question whose
    wording makes the charge accuses, a plain question does not (guideline step 9)."""
    check(rl, [
        ("Hotel owner slams rumours of unpaid staff", DEN),
        ("Senator hits out at 'baseless' claims she faked expenses", DEN),
        ("Winger slams rumours of move to Italy", NEU),
        ("Manager slams linesman after late penalty", ACC),
        ("Why did the trust bury the safety audit?", ACC),
        ("Did the trust bury the safety audit?", NEU),
    ], "en")


def test_nl_real_news_probe(rl: RuleLabeler) -> None:
    """Issue 12: invented sentences in the style of Flemish and Dutch court, sport and
    business pages, written to probe the families above beyond the dev wording."""
    check(rl, [
        ("De penningmeester zette jarenlang clubgeld op zijn eigen rekening.", ACC),
        ("Wielrenners kregen startgeld voor een koers die nooit doorging.", ACC),
        ("Bij een controle werd epo aangetroffen in het staal van de renner.", ACC),
        ("De inspectie gaf de kinderopvang een negatief advies.", ACC),
        ("Volgens het verslag werden de poetsvrouwen jarenlang onderbetaald.", ACC),
        ("De bevindingen zijn inmiddels doorgestuurd naar het openbaar ministerie.", ACC),
        ("Kopers kregen hun meubels nooit, maar werden wel gedebiteerd.", ACC),
        ("De advocaat van de tweede beklaagde noemt de aanklacht 'flinterdun'.", DEN),
        ("'Elke euro subsidie is besteed aan de tenten en de podia', zegt de organisator.",
         DEN),
        ("De zaakvoerder zegt dat hij het geld heeft gebruikt om de lonen te betalen.", DEN),
        ("Een negatief oordeel zou de minister in verlegenheid brengen.", NEU),
    ], "nl")


def test_en_real_news_probe(rl: RuleLabeler) -> None:
    """Issue 12: invented US wire, UK court and business sentences and headlines that
    probe the families above beyond the dev wording."""
    check(rl, [
        ("The SEC charged the chief executive of a Utah solar installer with misleading "
         "investors.", ACC),
        ("The regulator said the app tricked users into paying for upgrades.", ACC),
        ("Customer records were left exposed on a server with no password.", ACC),
        ("The evidence file has been passed to the procurator fiscal.", ACC),
        ("The jury was shown messages sent from the defendant's phone.", ACC),
        ("Lawyers for the families say the operator ignored the cracks for years.", ACC),
        ("The regulator ordered the lender to refund £3m to borrowers.", ACC),
        ("The senator claimed rent for a house he did not live in.", ACC),
        ("He told detectives he had never met the buyer.", DEN),
        ("The hospital said there was no evidence that any record had been altered.", DEN),
        ("The nurse's lawyer said the doses were given on a doctor's orders.", DEN),
        ("Jewellery heist wasn't an inside job: police", DEN),
        ("Florist slams 'lies' about her prices", DEN),
        ("Treasurer: 'Every payment went through the bank'", DEN),
        ("Rail firm says its diesel emissions were within its licence", DEN),
        ("Gallery says the painting was 'doctored' in the photo", DEN),
        ("The charity said the donations were spent on blankets and food.", DEN),
        ("Lawyers for the bank said the suit was filed in the wrong court.", DEN),
    ], "en")


def test_nl_real_news_round_two(rl: RuleLabeler) -> None:
    """Issue 12, later rounds: invented sentences for the families written from
    nl-rn-dev-b..d (rule breaches told plainly, objections to a sanction, the prosecutor's
    disbelief and demands, compliance in the party's own words, supervision measures)."""
    check(rl, [
        ("De burgemeester heeft zich niet aan de gedragscode gehouden.", ACC),
        ("De rederij gaat in beroep tegen de boete van de havenkapitein.", DEN),
        ("De club gaat niet in beroep tegen de schorsing.", NEU),
        ("De aanklager gelooft daar geen woord van.", ACC),
        ("Een 40-jarige vrouw moet twee jaar de cel in als het aan het parket ligt.", ACC),
        ("'Al onze facturen zijn door een externe accountant gecontroleerd.", DEN),
        ("Oud-trainer: 'Ik heb nooit een speler onder druk gezet'", DEN),
        ("In drie van de vijf dossiers ontbrak een risicoanalyse.", ACC),
        ("Het rusthuis werd onder verscherpt toezicht geplaatst.", ACC),
        ("Het parket vordert de uitlevering van de zakenman.", ACC),
        ("Ook de penningmeester wil van geen fraude weten.", DEN),
        ("De speler is het niet eens met de schorsing.", DEN),
    ], "nl")


def test_en_real_news_round_two(rl: RuleLabeler) -> None:
    """Issue 12, later rounds: invented sentences and headlines for the families written
    from en-rn-dev-b..d and en-rnh-dev-b (quoted and headline self-denials, source colons and
    scare quotes, billing for absent people, compliance in the party's own words,
    regulators' measures, procedure)."""
    check(rl, [
        ("She told the tribunal she had 'never seen the invoices' before the audit.", DEN),
        ("Bus operator says its drivers did not skip safety checks", DEN),
        ("Regulator: Water firm under-reported leaks for six years", ACC),
        ("Mayor wasn't at the party during lockdown, say officials", DEN),
        ("Charity boss 'spent grant money on family holidays'", ACC),
        ("The clinic billed insurers for patients who never attended.", ACC),
        ("Every invoice was approved by the finance committee, the treasurer said.", DEN),
        ("The care home was placed in special measures after the visit.", ACC),
        ("The councillor has serious questions to answer, the opposition said.", ACC),
        ("He faces three counts of fraud by abuse of position.", ACC),
        ("If convicted, the former director faces up to ten years in prison.", NEU),
        ("A sentencing hearing has been scheduled for March 3.", NEU),
        ("Police arrested 14 people after the match in Leeds.", NEU),
    ], "en")


def test_nl_demands_and_discrimination_headlines(rl: RuleLabeler) -> None:
    check(rl, [
        ("Bondsaanklager wil acht duels schorsing voor Zeewolder-spits na kopstoot", ACC),
        ("Oppositie wil schepen Verlinden weg na bouwdossier van schoonzus", ACC),
        ("Rechter: bouwbedrijf weerde sollicitanten met Turkse achternaam", ACC),
        ("Oppositie wil nieuwe fietsbrug over de Vaart", NEU),
        ("Club wil spits weg uit Noorderdorp na zes jaar", NEU),
    ], "nl")


def test_nl_demands_and_rulings(rl: RuleLabeler) -> None:
    """A demand that presupposes guilt, a court setting the defence aside, a ruling as finding."""
    check(rl, [
        ("De bewonersvereniging eist dat de verhuurder de huur terugbetaalt.", ACC),
        ("De advocaat eist dat zijn cliënt onmiddellijk vrijkomt.", DEN),
        ("Het hof gaat daar niet in mee.", ACC),
        ("De buren gaan daar niet in mee en kiezen een ander feest.", NEU),
        ("Die facturen waren vals, oordeelt de rechtbank.", ACC),
        ("Dat oordeelt het tuchtcollege in een uitspraak van dinsdag.", ACC),
    ], "nl")


def test_nl_conduct_reported_in_set_phrases(rl: RuleLabeler) -> None:
    check(rl, [
        ("Inspectie grijpt in bij zorgboerderij De Linde: dieren zonder water", ACC),
        ("Trainer Verbeek was na afloop vooral boos op de grensrechter.", ACC),
        ("Bij vier bewoners klopte de medicatie niet met het voorschrift van de arts.", ACC),
        ("De betalingen gingen naar een rekening op naam van zijn zwager.", ACC),
        ("Het parket onderzoekt een klacht van een oud-bestuurder.", ACC),
        ("De politie grijpt in bij een vechtpartij op de markt.", NEU),
        ("De tickets staan op naam van de club.", NEU),
    ], "nl")


def test_nl_prosecution_demands_arrests_and_sanctions(rl: RuleLabeler) -> None:
    check(rl, [
        ("Het Openbaar Ministerie wil dat de 51-jarige Henk D. twee jaar de cel in gaat.", ACC),
        ("De buurman wil dat de gemeente om tien uur de straat afsluit.", NEU),
        ("De onderzoeksrechter hield K. dinsdag aan voor oplichting.", ACC),
        ("Acht duels schorsing voor spits Zeewolde na kopstoot", ACC),
        ("De vakbond vraagt de inspectie om tegen de fabriek op te treden.", ACC),
        ("De firma bleek op naam te staan van zijn zoon.", ACC),
    ], "nl")


def test_nl_court_findings_claims_and_siphoned_money(rl: RuleLabeler) -> None:
    check(rl, [
        ("De rechtbank acht bewezen dat de boekhouder de kas leeghaalde.", ACC),
        ("De rechter hield hem voor dat twee getuigen iets anders zagen.", ACC),
        ("De curator start een aansprakelijkheidsvordering tegen de bestuurders.", ACC),
        ("De penningmeester heeft 40.000 euro aan de club onttrokken.", ACC),
        ("Het kasteel werd door de bomen aan het zicht onttrokken.", NEU),
    ], "nl")


def test_nl_formal_objection_and_informal_niks(rl: RuleLabeler) -> None:
    """An objection made is contesting (guideline: appeals); one that may be made is procedure."""
    check(rl, [
        ("Zorggroep De Linde gaat in bezwaar.", DEN),
        ("Het tuincentrum heeft bezwaar gemaakt tegen de aanwijzing van de inspectie.", DEN),
        ("Het tuincentrum kan binnen zes weken bezwaar maken tegen het besluit.", NEU),
        ("Het tuincentrum ging destijds niet in bezwaar.", NEU),
        ("Zijn broer zegt dat hij 'daar echt niks mee te maken heeft'.", DEN),
    ], "nl")


def test_nl_real_news_round_four(rl: RuleLabeler) -> None:
    """Issue 12, round 4: invented sentences for the general families (money acts told
    without a cue word, the accuser refusing the innocent reading, the accused's own version
    without a denial verb, procedure that charges nobody)."""
    check(rl, [
        ("De voorzitter keerde zichzelf via valse facturen twee ton uit.", ACC),
        ("De penningmeester maakte 80.000 euro naar zijn eigen bv over.", ACC),
        ("„Dit is geen vergissing meer, dit is beleid”, zegt het raadslid.", ACC),
        ("„Slordigheid is nog geen fraude”, zegt de advocaat.", DEN),
        ("„Wij zijn geen politie en kunnen niet elke klant natrekken.", DEN),
        ("In de rechtszaal wilde de verdachte daar niets van weten.", DEN),
        ("„Ik wist er niks van”, zegt de zaakvoerder.", DEN),
        ("Volgens de aannemer was voor die werken geen aanbesteding nodig.", DEN),
        ("Verschillende bewoners spreken dat tegen.", ACC),
        ("Klanten betaalden een voorschot, maar hebben hun keuken nog altijd niet.", ACC),
        ("De inspectie kan een boete opleggen als ze overtredingen vaststelt.", NEU),
        ("De politie vraagt getuigen zich te melden.", NEU),
        ("De gemeente werd getroffen door een cyberaanval.", NEU),
        ("Inbrekers braken in bij een juwelier in de binnenstad.", NEU),
        ("De speurders zijn ervan overtuigd dat de koerier voor de bende werkte.", ACC),
        ("Volgens de provincie is het zeer aannemelijk dat de lozing de oorzaak is.", ACC),
        ("Leerkrachten voelden zich onder druk gezet door de directie.", ACC),
    ], "nl")


def test_en_real_news_round_four(rl: RuleLabeler) -> None:
    """Issue 12, round 4: invented sentences and headlines for the general families."""
    check(rl, [
        ("The two founders paid themselves millions through fake invoices.", ACC),
        ("Client money had been commingled with the firm's own accounts.", ACC),
        ("'This was not an accounting error,' the inspector said.", ACC),
        ("He said any mistakes in the ledger were hers, not his.", DEN),
        ("The treasurer said the transfers were legitimate fees.", DEN),
        ("Mr Doyle, defending, said his client had been in Cork that night.", DEN),
        ("Shopkeeper says loan was a gift from his uncle, not a bribe", DEN),
        ("Charity boss spent donations on a sports car, trustees say", ACC),
        ("Customers were billed for insurance they never agreed to.", ACC),
        ("'If that email had reached me, the plant would have been closed,' he said.", DEN),
        ("Under the rules, the regulator can impose fines of up to £1m.", NEU),
        ("Police appealed for witnesses to come forward.", NEU),
        ("Retailer hit by cyber-attack affecting 20,000 shoppers", NEU),
        ("What we know so far about the Marlow data leak", NEU),
        ("The theft charge against Hale was dismissed on Monday.", NEU),
        ("Burglars broke into a pharmacy on the high street overnight.", NEU),
        ("Detectives are convinced the courier worked for the gang.", ACC),
        ("The operator has to put this right, the residents' group said.", ACC),
        ("Nothing can justify what happened to those patients, the coroner said.", ACC),
        # session 11: a rule broken is a breach; a thing broken is not
        ("Integrity commissioner finds alderman broke lobbying rules over golf trip", ACC),
        ("The mayor broke no rules, the auditor found.", DEN),
        ("The club broke its transfer record to sign the striker.", NEU),
        ("Vandals broke two windows at the depot.", NEU),
    ], "en")


def test_en_wrongdoing_word_in_a_name_or_byline_charges_nobody(rl: RuleLabeler) -> None:
    check(rl, [
        ("Anyone who saw the Hallam Road van is asked to ring Crime Stoppers.", NEU),
        ("Ava Linde, Fraud Correspondent", NEU),
        ("A Proceeds of Crime Act hearing against Dorrance is set for May.", NEU),
        ("Dorrance ran a £2m fraud from a Hallam Road office, the court heard.", ACC),
    ], "en")


def test_en_denials_of_session_11s_dev_rounds(rl: RuleLabeler) -> None:
    """A misused public good is a charge, not a plan; quoted emphasis and "touched the money"."""
    check(rl, [
        ("Alderman denies report that he used a city truck to move house", DEN),
        ("Kestrel Foods denies it plans to move its headquarters", NEU),
        ("The treasurer says she had 'no role at all' in the transfers", DEN),
        ("'I never touched the donations', club secretary tells court", DEN),
    ], "en")


def test_en_defence_cross_examination_tests_the_charge(rl: RuleLabeler) -> None:
    check(rl, [
        ("Under cross-examination by Ann Kealy SC, for Mr Dunne, the inspector agreed he had "
         "not measured the wall himself.", DEN),
        ("Cross-examining the accountant, defence counsel Paul Merrow suggested the ledger had "
         "been kept by the firm's former manager.", DEN),
        ("The cross-examination of the first witness will resume on Monday.", NEU),
    ], "en")


def test_en_procedure_and_awareness_take_no_side(rl: RuleLabeler) -> None:
    check(rl, [
        ("Mr Delahunt was remanded on continuing bail to appear again in June.", NEU),
        ("The water regulator said it was aware of the complaints and had called the firm.", NEU),
        ("Mr Delahunt was arrested at his home in Carlow.", ACC),
        ("The firm knew of the leak for months, the regulator said.", ACC),
    ], "en")


def test_en_evidence_told_as_what_it_appears_to_show(rl: RuleLabeler) -> None:
    check(rl, [
        ("Replays appeared to show Dunmore striker Kyle Orr going down under little contact.", ACC),
        ("An email appears to show the mayor's aide booking a dinner with the bidder.", ACC),
        ("The photo appears to show a heron on the roof of the bus station.", NEU),
    ], "en")


def test_en_findings_called_wrong_or_outdated(rl: RuleLabeler) -> None:
    check(rl, [
        ("Alderman Pike called the findings completely wrong.", DEN),
        ("Care home owner calls inspection 'outdated'", DEN),
    ], "en")


def test_en_a_reporting_noun_after_a_comma_is_no_attribution_tail(rl: RuleLabeler) -> None:
    """", rejects the claims." ends in a reporting word ("claims") but is the main verb's
    object, not an attribution like ", prosecutors claim."; and a snow-clearing vote is no
    weather."""
    check(rl, [
        ("Mr Doyle, who founded the firm in 1998, rejects the claims.", DEN),
        ("The firm dumped waste in the canal, the report claims.", ACC),
        ("Auditor finds councillor broke conduct rules in snow-clearing contract", ACC),
        ("The storm broke windows along the seafront.", NEU),
    ], "en")


def test_en_a_source_that_calls_a_rumour_fake_accuses_nobody(rl: RuleLabeler) -> None:
    check(rl, [
        ("Video of a bear in Millbrook shopping centre is fake, police say", NEU),
        ("Builder cut corners on Millbrook flats, residents say", ACC),
    ], "en")


def test_en_headline_no_denies_a_charge_not_a_rumour_about_a_thing(rl: RuleLabeler) -> None:
    """The denial-versus-debunk boundary: "No, X did not ..." answers a charge against a party;
    "No, the weir is not about to give way" debunks a rumour and charges nobody."""
    check(rl, [
        ("No, Councillor Petra Lind did not pocket the festival grant", DEN),
        ("No, Halden Foods is not hiding horse meat in its burgers", DEN),
        ("No, the Millbrook weir is not about to give way", NEU),
        ("No, that photo does not show a wolf in Castlebury park", NEU),
        ("No, Castlebury is not getting a casino", NEU),
        ("No, the Kestrel Street library is not being sold to developers", NEU),
    ], "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("Greeley claims the club paid him in cash to avoid tax.", "en"),
    ("The haulier paid its drivers off the books for two years.", "en"),
    ("Greeley stelt dat de club hem zwart heeft uitbetaald.", "nl"),
    ("Volgens Greeley betaalde de club hem zwart om belastingen te ontduiken.", "nl"),
])
def test_a_wrong_done_for_a_wrongful_end(rl: RuleLabeler, text: str, lang: str) -> None:
    """Round 5 (a new user's own sentences): the purpose names the wrong; a named speaker
    telling it accuses, rather than giving his own side."""
    label, fired = rl.label_one(text, lang)
    assert label == ACC
    assert f"{lang}_wrongful_purpose" in fired


def test_round_five_concessions_and_the_accusers_answer(rl: RuleLabeler) -> None:
    """Round 5: a concession followed by the party's own account is a denial; the accusing
    side disputing the accused's account keeps the charge (and the reverse stays a denial)."""
    check(rl, [
        ("Mr Fenwick accepted that the voice was his but said he had been joking.", DEN),
        ("She acknowledges sending the files but says she only wanted to keep them safe.", DEN),
        ("Investigators disputed that account.", ACC),
        ("The regulator rejected the firm's explanation.", ACC),
        ("The company disputed the regulator's account.", DEN),
    ], "en")
    check(rl, [
        ("Het parket betwist die lezing.", ACC),
        ("Het bedrijf betwist de lezing van het parket.", DEN),
    ], "nl")


def test_round_six_dutch_answers_witnesses_and_arrests(rl: RuleLabeler) -> None:
    """Round 6 (dev): the answer of the accused told in one idiom, an unnamed witness telling
    investigators, and arrests of people the report describes; each with a control."""
    check(rl, [
        ("De vereniging vertelt een heel ander verhaal.", DEN),
        ("Directeur Ruud Klaver is het daar hartgrondig mee oneens.", DEN),
        ("Zaakvoerder Peeters snapt de ophef niet.", DEN),
        ("De voorzitter valt uit de lucht.", DEN),
        ("Het bouwbedrijf noemt de boete pure willekeur.", DEN),
        ("De directrice herkent zich 'op geen enkele manier' in het rapport.", DEN),
        ("De boer zegt van niets te hebben geweten.", DEN),
        ("Justitie ziet dat heel anders.", ACC),  # the accusing side: not an answer
        ("Twee verpleegkundigen verklaarden bij de politie dat de directeur hen onder druk zette.",
         ACC),
        ("Een oud-medewerker vertelt aan onze redactie dat de alarmen maanden uit stonden.", ACC),
        ("De directeur vertelt aan onze redactie dat de nieuwe hal in mei opent.", NEU),
        ("Dennis K. werd bij de inval aangehouden.", ACC),
        ("Twee mannen die in de loods sliepen, zijn opgepakt.", ACC),
        ("Tegen de uitbaters werd een proces-verbaal opgesteld.", ACC),
        ("De inspectie legt het woonzorgcentrum verscherpt toezicht op.", ACC),
        ("Ook de raad van bestuur krijgt er in het rapport van langs.", ACC),
        ("Het bondsparket vervolgt de verdediger.", ACC),
        ("De burgemeester laat weten dat de ambtenaar preventief geschorst is.", NEU),
        ("De trainer is geschorst.", ACC),
        ("De rechtbank oordeelde dat niet bewezen is dat zij van de fraude wist.", NEU),
    ], "nl")


def test_round_six_english_answers_and_charges(rl: RuleLabeler) -> None:
    """Round 6 (dev): "disputed" is dispute + d (the verb endings were read as + ed), answers
    told as a licence, a merit or a dismissed idea, and regulators' and courts' charge words."""
    check(rl, [
        ("The district disputed one finding.", DEN),
        ("Halcott challenged two of the citations.", DEN),
        ("The firm refuted the allegations point by point.", DEN),
        ("\"Friendship isn't a crime,\" his lawyer said.", DEN),
        ("That's not the same thing as misconduct.", DEN),
        ("A spokesman said the company was a fully regulated broker.", DEN),
        ("The builder said it had won the contract on merit.", DEN),
        ("\"The idea that anyone took money out is simply wrong,\" he said.", DEN),
        ("It returned a unanimous guilty verdict on the second count.", ACC),
        ("The state cited the facility for 14 deficiencies.", ACC),
        ("Inspectors rated the ward inadequate.", ACC),
        ("Two directors are also named as defendants.", ACC),
        ("Its former chief executive is the subject of a separate investigation.", ACC),
        ("The league placed the club under a registration embargo.", ACC),
        ("The landlord refused to repair the boiler.", ACC),
        ("Chair: the figures 'don't add up'", ACC),
        ("A misconduct hearing has been told the officer lied.", ACC),
        ("The fiscal put it to him that the boat had been tied up.", ACC),
        ("Defending, Mr Pike put it to her that the man had a beard.", DEN),
        ("The defendant left the courthouse with his attorney.", NEU),
        ("Unsecured creditors are unlikely to recover more than 2p in the pound.", NEU),
        ("Customers whose data was exposed are being offered credit monitoring.", NEU),
        ("The records were left exposed on an unsecured server for six weeks.", ACC),
        ("He repaid the money after an internal audit found dozens of charges on his card.", ACC),
        ("Vickery sat at the defense table; he did not testify during the trial.", NEU),
        ("Second lender hit by claims it ignored hardship requests", ACC),
        ("The commission's reasons were sharply critical of how the club was run.", ACC),
        ("The suit names the operator and two of its managers.", ACC),
        ("Ms Beddoes is claiming unfair dismissal.", ACC),
        ("\"We failed some of these young men, and we own that,\" she said.", ACC),
        ("Councillors voted to refer the audit to the state's local government inspectorate.", ACC),
        ("The department said an internal review found no policy violations.", NEU),
    ], "en")


def test_session_eight_english_sanction_and_reaction_headlines(rl: RuleLabeler) -> None:
    """Session 8: enforcement told in headline grammar (present tense, "to pay"), inspectors'
    verdicts, the reaction a conduct caused, money withheld, harm to people in one's care; and
    the same words where nobody is charged."""
    check(rl, [
        ("Watchdog fines Norbridge Water £4m over sewage spills", ACC),
        ("Regulator orders Calloway Bank to repay 20,000 customers", ACC),
        ("Tribunal orders Fenwick Foods to compensate sacked worker", ACC),
        ("Bank to refund thousands of customers over hidden fees", ACC),
        ("Parents sue school district over bullying of their son", ACC),
        ("Regulator bans former director Tom Reilly for ten years", ACC),
        ("The home was judged non-compliant with seven of the regulations.", ACC),
        ("Fury as developer fells protected trees", ACC),
        ("Calls grow for chief executive to resign over data breach", ACC),
        ("Harwell council leader faces no-confidence vote over contract claims", ACC),
        ("The board accepted the findings in full.", ACC),
        ("Festival run by Hinterfields owes suppliers £380,000, traders claim", ACC),
        ("Dozens of Hinterfields suppliers say they are still owed money.", ACC),
        ("Tenants of Brookfield Lettings were left without heating for five weeks.", ACC),
        ("Sprinter Dana Voss tested positive for a banned steroid.", ACC),
        ("He was suspended by the Harnley group pending an investigation.", ACC),
        ("Kestrel said it was confident it would be cleared.", DEN),
        ("The council said the contract was awarded properly.", DEN),
        ("In police interview, Ashworth said every job his firm quoted for was done.", DEN),
        ("Drivers face fines of up to £100.", NEU),
        ("Fines for dropping litter are to rise next year.", NEU),
        ("Storm Ciara left 20,000 homes without heating.", NEU),
        ("Half the squad tested positive for covid before the final.", NEU),
        ("The board refused to accept the findings.", NEU),
        ("The hearing continues.", NEU),
    ], "en")


def test_session_eight_dutch_belgian_procedure_and_sanctions(rl: RuleLabeler) -> None:
    """Session 8: Belgian detention and referral (raadkamer, KI), sanctions in the words of
    justice and local government, a main clause failing a norm (the negation after the verb,
    which used to read as compliance), public anger and calls to resign, disbelief, and a
    speaker saying he knew nothing."""
    check(rl, [
        ("Raadkamer houdt zaakvoerder langer in de cel", ACC),
        ("De raadkamer verlengde de aanhouding van de twee verdachten met een maand.", ACC),
        ("De aanhouding van de zaakvoerder werd door de raadkamer bevestigd.", ACC),
        ("De onderzoeksrechter heeft de man onder aanhoudingsmandaat geplaatst.", ACC),
        ("De kamer van inbeschuldigingstelling verwees de zaak naar de correctionele rechtbank.",
         ACC),
        ("De carwash werd verbeurdverklaard.", ACC),
        ("De man kreeg een straf met uitstel.", ACC),
        ("De gemeente stelde de uitbater in gebreke.", ACC),
        ("Café moet drie maanden dicht na vechtpartij", ACC),
        ("Bart V. (43) moet twee jaar de cel in.", ACC),
        ("De fabriek voldoet niet aan de normen.", ACC),
        ("De zorginstelling voldeed op zeven van de tien punten niet aan de normen.", ACC),
        ("Woede om kap van beschermde eiken door projectontwikkelaar", ACC),
        ("De roep om het aftreden van de burgemeester wordt luider.", ACC),
        ("De bewoners geloven daar weinig van.", ACC),
        ("Hij zegt dat hij van niks wist van de betalingen.", DEN),
        ("Volgens de directie voldoen alle installaties aan de normen.", DEN),
        ("De bakkerij blijft drie weken dicht wegens verbouwing.", NEU),
        ("De brug blijft een maand dicht door onderhoud.", NEU),
        ("De man verscheen dinsdag voor de raadkamer.", NEU),
        ("Wie te hard rijdt, riskeert een boete van 300 euro.", NEU),
    ], "nl")


def test_session_eight_dutch_self_dealing(rl: RuleLabeler) -> None:
    """Money moved to the manager himself or work handed to his family, told without a cue
    word; a finding that no money went there stays neutral."""
    check(rl, [
        ("De penningmeester heeft 40.000 euro van de clubrekening naar zichzelf overgemaakt.", ACC),
        ("De directeur heeft jarenlang privéuitgaven gedeclareerd bij de stichting.", ACC),
        ("Wethouder Jansen heeft de opdracht laten gunnen aan het hoveniersbedrijf van zijn neef.",
         ACC),
        ("De facturen kwamen van een bureau dat eigendom is van de echtgenote van Smits.", ACC),
        ("De accountant vond geen aanwijzingen dat er geld op privérekeningen is beland.", NEU),
    ], "nl")


def test_session_twelve_dutch_detention_family_money_and_inspections(rl: RuleLabeler) -> None:
    """Session 12: a named suspect kept in detention is an accusation (guideline step 7), a
    detention still to be decided is procedure; contracts, land and money going to family
    named without a possessive; public cards used privately; an inspection finding failings
    at a named place; data left open by a named app; overcharging; sanctions received;
    Flemish headline verbs of criticism."""
    check(rl, [
        ("Aannemer uit Beverhout blijft in de cel: raadkamer bevestigt aanhouding", ACC),
        ("Ook de tweede verdachte, een 40-jarige Limburger, blijft in de cel.", ACC),
        ("Raadkamer houdt boekhouder van sportclub Zwartewaal nog twee maanden in de cel", ACC),
        ("De raadkamer beslist volgende week of hij langer in de cel blijft.", NEU),
        ("Burgemeester gunde parkeercontract aan firma van schoonbroer", ACC),
        ("Ophef in Lindemeer na grondruil met eigen zus", ACC),
        ("Gedeputeerde ging met kredietkaart van de provincie op skivakantie", ACC),
        ("Raadslid Verhoef declareerde weekendjes weg als werkbezoek", ACC),
        ("Wie met een creditcard betaalde, kan het geld terugvragen.", NEU),
        ("Zorginspectie vindt ernstige gebreken in woonzorgcentrum De Lisdodde", ACC),
        ("Inspectie vindt inbreuken op één op de vier gecontroleerde bouwplaatsen", NEU),
        ("Fietsapp Trapper liet paspoortfoto's van klanten maandenlang openstaan", ACC),
        ("Parkeerbedrijf Rolvast rekende maandenlang te hoge tarieven", ACC),
        ("Zaakvoerder van failliete reisbureau Zonwaarts krijgt beroepsverbod van zeven jaar", ACC),
        ("Als het aan de club ligt, krijgen de relschoppers een stadionverbod.", NEU),
        ("Rekenhof viseert directie van waterbedrijf Aquaval", ACC),
    ], "nl")


def test_session_twelve_english_headline_sanctions(rl: RuleLabeler) -> None:
    """Session 12: sanctions, arrests and inquiries in headline grammar; a bare count
    arrested after an event and a hearing date name no charge."""
    check(rl, [
        ("Brookvale Creamery hit with £60,000 fine over slurry leak", ACC),
        ("Harlow Buses faces £2m penalty over falsified safety checks", ACC),
        ("Ferndale council to face prosecution over landfill fire", ACC),
        ("Former church treasurer gets 4 years for stealing $90K from parish", ACC),
        ("Clerk held for forging land records in Pune", ACC),
        ("Gym owner arrested over missing membership fees", ACC),
        ("Regulator opens inquiry into Seabright Trust over loans to its chairman", ACC),
        ("Head teacher stood down amid claims of grade tampering", ACC),
        ("Millbrook board censures its treasurer over travel claims", ACC),
        ("Constable suspended, FIR lodged after video of assault on vendor", ACC),
        ("Glowskin's 'anti-ageing' claims banned by advertising watchdog", ACC),
        ("A censure is a formal rebuke with no penalty attached.", NEU),
        ("Tessier was held for a bail hearing.", NEU),
        ("Voss-Avery faces a ban of up to four years if the case is upheld.", NEU),
        ("The regulator is seeking penalties and refunds from Lindqvist Energy.", ACC),
        ("State inspectors cited Harbour View Manor for 9 deficiencies.", ACC),
        ("The county brought the prosecution after residents reported the smell.", ACC),
        ("Opposition party demands judicial probe into Rao's land deal", ACC),
        ("Hawks coach suspended as league probes bullying complaints", ACC),
        ("The bill would give the office the power to seek large penalties.", NEU),
    ], "en")


def test_session_twelve_english_answers_in_set_phrases(rl: RuleLabeler) -> None:
    """Session 12: backing from the party's own leader, asking the court to throw the case
    out, not liable after every reasonable step, a report that ignores the facts or is riddled
    with errors, "it's nonsense"; a question about confidence takes no side."""
    check(rl, [
        ("Downing Street said the prime minister had full confidence in Hale.", DEN),
        ("His lawyer asked the judge to dismiss the charges.", DEN),
        ("Corbin Freight argued it should not be held liable for the crash.", DEN),
        ("Ardley Homes says the council report 'ignores the facts'", DEN),
        ("\"The study is riddled with errors,\" the company said.", DEN),
        ("\"Frankly, it's nonsense,\" Mr Pyle said.", DEN),
        ("Reporters asked the mayor whether he still has confidence in Hale.", NEU),
    ], "en")


def test_english_a_clause_after_said_is_no_attribution_tail(rl: RuleLabeler) -> None:
    """", said it would appeal ..." after a relative clause, or "When contacted, X said the
    company would appeal": what follows "said" is a clause with its own verb, the sentence's
    message, not an attribution tail to cut off ("..., police said on Tuesday")."""
    check(rl, [
        ("Lumo, which has about two million users, said it would appeal the decision.", DEN),
        ("When contacted, partner Arjun Mehta said the company would appeal the order.", DEN),
        ("The director, who lives in Essex, said he had no idea what was happening there.", DEN),
        ("Harbour Logistics dumped waste in the canal, the inspectors said on Tuesday.", ACC),
    ], "en")


def test_the_defence_speaking_outranks_the_charge_words_it_answers(rl: RuleLabeler) -> None:
    """Session 12, tier defence_voice: when the accused's lawyer or spokesperson is the
    speaker, the charge words in the sentence are what the defence answers; the court
    turning down the defence's story keeps its verdict."""
    check(rl, [
        ("Zijn advocaat zegt dat de fraude bij een ex-werknemer ligt, niet bij haar cliënt.", DEN),
        ("Volgens de advocaat van de zaakvoerder is het bedrijf het slachtoffer van oplichting.",
         DEN),
        ("De rechter ging niet mee in het verhaal van de verdediging en veroordeelde hem.", ACC),
    ], "nl")
    check(rl, [
        ("Her lawyer told the court the theft was carried out by a former manager.", DEN),
        ("According to the company, the contamination was caused by a supplier's fraud.", DEN),
    ], "en")


def test_session_twelve_dutch_codes_sanctions_deflection_and_backing(rl: RuleLabeler) -> None:
    """Session 12: a code not kept, sanctions in the words of regulators and federations, the
    court not following the defence, the accused passing the blame on and its own side standing
    behind it (denials); a meeting suspended and a lost trust are no such thing."""
    check(rl, [
        ("Gedeputeerde Van Rijn heeft zich niet gehouden aan de integriteitsregels.", ACC),
        ("Inspectie legt tandartspraktijk Molenzicht een behandelstop op", ACC),
        ("De KNVB heeft verdediger Tom Kuipers voorlopig geschorst.", ACC),
        ("Voetbalbond neemt FC Woldhaven zes punten af: punten afgenomen wegens valse licenties",
         ACC),
        ("Hij mag het beroep van boekhouder niet langer uitoefenen.", ACC),
        ("Hof verhoogt straf voor oplichter uit Tiel", ACC),
        ("De correctionele rechtbank volgde die uitleg niet.", ACC),
        ("De vergadering werd na een uur geschorst.", NEU),
        ("De directeur schuift de schuld door naar een onderaannemer.", DEN),
        ("Burgemeester Smeets blijft achter zijn wethouder staan.", DEN),
        ("Het bestuur schaart zich achter de trainer.", DEN),
        ("De raad heeft geen vertrouwen in de wethouder.", NEU),
    ], "nl")


def test_english_the_aggrieved_telling_what_happened_to_them(rl: RuleLabeler) -> None:
    """Session 12: customers, tenants, patients or families of a named party telling what it
    did to them accuse it without a cue word; advocates speaking in general do not."""
    check(rl, [
        ("A reader says a Leeds kitchen firm has ignored her for five months.", ACC),
        ("One patient said she was sent home from Lyndale Clinic four hours after surgery.", ACC),
        ("Buyers said Kestrel Homes stopped returning calls in mid-2024.", ACC),
        ("Tenant advocates say evictions have become more common in Leeds.", NEU),
    ], "en")


def test_english_what_the_law_sets_charges_nobody(rl: RuleLabeler) -> None:
    """Session 12: the maximum a law sets, or what a verdict would bring, told after the
    penalty ("faces up to 30 years if convicted"), names no wrong done."""
    check(rl, [
        ("Wire fraud carries a maximum sentence of 20 years in prison.", NEU),
        ("The most serious counts carry up to 15 years each.", NEU),
        ("Councillors who break the code can be suspended for up to six months.", NEU),
        ("He faces up to 30 years in prison on the most serious charge if convicted.", NEU),
        ("Brask Marine was fined $40,000 for the spill.", ACC),
    ], "en")


def test_session_twelve_holding_on_and_regulators_citing(rl: RuleLabeler) -> None:
    """Session 12: the accused holding on to its version (nl), a regulator citing a named
    home or cancelling a licence and a prosecutor opposing bail (en)."""
    check(rl, [
        ("FC Drenthoven gaat niet akkoord met het voorstel van de aanklager.", DEN),
        ("Ook na drie uur verhoor hield hij vast aan zijn versie.", DEN),
    ], "nl")
    check(rl, [
        ("State cites Maple Court nursing home after resident fell twice", ACC),
        ("Fair Trading cancelled Brennan's builder licence in May.", ACC),
        ("The prosecutor opposed bail, saying Hale could flee.", ACC),
    ], "en")


def test_english_the_accused_answering_and_a_finding_in_the_tail(rl: RuleLabeler) -> None:
    """Session 12: a headline naming someone by the charge who then answers it is a denial; a
    finding told first with its finder in the tail is an accusation (not a debunk); a judge
    rejecting the defence's submission keeps the charge."""
    check(rl, [
        ("Plumber accused of faking safety certificates says his papers are genuine", DEN),
        ("Parking app Velo sold drivers' locations to advertisers, Privacy Commissioner finds",
         ACC),
        ("Video of 'shark' in Velo flood is not real, watchdog says", NEU),
        ("Judge Anna Marsh rejected that submission.", ACC),
    ], "en")


def test_dutch_the_accused_pointing_elsewhere(rl: RuleLabeler) -> None:
    """Session 12: the accused pointing at someone else or calling the charge a stunt or a
    scapegoating answers it; an accuser pointing keeps its charge."""
    check(rl, [
        ("De zaakvoerder wijst naar een voormalige boekhouder.", DEN),
        ("„Dat kan je mij moeilijk kwalijk nemen”, zegt Peeters.", DEN),
        ("De wethouder spreekt van een doorzichtige stunt.", DEN),
        ("De oppositie wijst naar de wethouder, die de opdracht zonder aanbesteding gunde.", ACC),
    ], "nl")


def test_session_thirteen_orders_recommendations_and_counted_harm(rl: RuleLabeler) -> None:
    """Session 13: an authority ordering the party to stop or delete, an investigator
    recommending a sanction, the aggrieved whose emails were ignored and a finding that counts
    the harm "at least" so often are accusations; a count in a plan or a death toll is not."""
    check(rl, [
        ("Privacy regulator orders parking app to delete drivers' number plates", ACC),
        ("The investigator recommended that the board suspend the treasurer for a year.", ACC),
        ("Since March the landlord has ignored six emails about the leak.", ACC),
        ("Neighbours say the plant ran its chimney at night at least a dozen times last winter.",
         ACC),
        ("The new ferry will run at least twice a day from June.", NEU),
        ("At least 12 people were hurt when the stand collapsed, police said.", NEU),
    ], "en")


def test_session_thirteen_dutch_terwijl_holds_conduct_against_what_was_due(
        rl: RuleLabeler) -> None:
    """Session 13: "terwijl" setting what was done against what was due is an accusation;
    "terwijl" of time is not, and the accused's own answer with it stays a denial."""
    check(rl, [
        ("De verhuurder rekende 600 euro voor een kamer, terwijl er geen verwarming was.", ACC),
        ("De burgemeester luisterde, terwijl hij naar de ouders in de zaal keek.", NEU),
        ("„Wij hebben niets verkeerd gedaan, terwijl anderen wel fraudeerden”, zegt de "
         "zaakvoerder.", DEN),
    ], "nl")


def test_session_thirteen_dutch_alarm_disbelief_and_backing(rl: RuleLabeler) -> None:
    """Session 13: staff or families sounding the alarm about a party and an accuser believing
    nothing of the accused's version are accusations; believing nothing of the charges,
    standing up for the accused and calling it a storm in a teacup are denials."""
    check(rl, [
        ("Verpleegkundigen trokken al in maart aan de alarmbel over het tekort aan bedden.", ACC),
        ("De procureur gelooft niets van die uitleg.", ACC),
        ("Zijn zus gelooft niets van de beschuldigingen.", DEN),
        ("De voetbalbond neemt het op voor de scheidsrechter.", DEN),
        ("De gedeputeerde spreekt van een storm in een glas water.", DEN),
    ], "nl")


def test_session_thirteen_english_fact_checks_about_a_party(rl: RuleLabeler) -> None:
    """Session 13: a fact-check ruling a claim about a party false is a denial, with or without
    its "Fact check:" label; one about a plan or a building stays neutral."""
    check(rl, [
        ("Fact check: No, the Brookfield mayor did not spend council money on a yacht", DEN),
        ("Claim that the Lorne Party took foreign donations is false", DEN),
        ("Fact check: Leaflet wrongly claims councillor was convicted of fraud", DEN),
        ("Fact check: No, the Kelby library is not closing in June", NEU),
    ], "en")


def test_session_thirteen_english_unanswered_calls_and_explanations(rl: RuleLabeler) -> None:
    """Session 13: the aggrieved telling that a party stopped answering their calls, or not
    accepting its explanation, accuse it; a party not answering a reporter is no position; an
    audit that "clears" someone in quotes and a fan "wrongly identified" answer the charge."""
    check(rl, [
        ("My builder took a £3,000 deposit and then stopped answering my calls.", ACC),
        ("Her daughter said the family did not accept that explanation.", ACC),
        ("The firm did not respond to a request for comment.", NEU),
        ("Mayor says review ‘clears’ him of misconduct over land sale", DEN),
        ("Club says supporter banned over pitch invasion was wrongly identified", DEN),
    ], "en")


def test_session_thirteen_english_whose_voice_a_quote_is(rl: RuleLabeler) -> None:
    """Session 13: "nobody came" in a quote tells what the accused failed to do, "nobody was
    cheated" answers the charge; a campaign group's director and the tenants' lawyers are no
    defenders; a suit that names the accused after an aside still names them."""
    check(rl, [
        ("“Nobody came to check on him all night,” his sister said.", ACC),
        ("“Nobody was cheated,” the owner said.", DEN),
        ("Lawyers for the tenants said the landlord ignored the damp for years.", ACC),
        ("The lawsuit, filed Monday in Cook County Circuit Court, names Brightline Roofing LLC "
         "and its owner.", ACC),
    ], "en")
    check_not(rl, [("“Suppliers were squeezed until they broke,” said the group's director, "
                    "Anna Kerr.", DEN)], "en")


def test_session_thirteen_a_regulator_speaking_is_no_spokesperson_defending(
        rl: RuleLabeler) -> None:
    """Session 13: a regulator's or commissioner's statement with "not" is no party answering
    a charge; the accused's spokesperson with "never" still is."""
    check_not(rl, [("“It is simply not acceptable for an insurer to refuse every claim,” the "
                    "regulator’s enforcement director said in a statement.", DEN)], "en")
    check(rl, [("“We have never refused a valid claim,” a spokesperson for the insurer said.",
                DEN)], "en")


def test_session_thirteen_an_authoritys_next_step_is_no_charge(rl: RuleLabeler) -> None:
    """Session 13: a watchdog saying what it will do next reports a step; former staff
    telling what the manager did still accuse."""
    check(rl, [
        ("The watchdog said it would inspect the Harrow Lane care home again within six months.",
         NEU),
        ("Former employees said the manager told them to shred the invoices.", ACC),
    ], "en")


def test_session_thirteen_what_a_court_heard_yields_to_the_accuseds_lawyer(
        rl: RuleLabeler) -> None:
    """Session 13: "told the tribunal" is only the frame of testimony (accusation_weak), so
    the accused's own lawyer speaking in it answers the charge; a bare "the court heard"
    still backs it."""
    check(rl, [
        ("Harlow's solicitor told the tribunal the rota was drawn up by a computer.", DEN),
        ("The court heard that Dunmore kept the deposits of eleven customers.", ACC),
    ], "en")


def test_session_thirteen_dutch_unanswered_mail_and_watchdog_spokespeople(
        rl: RuleLabeler) -> None:
    """Session 13: the aggrieved getting no answer accuse the party; a company that says it
    cooperates takes no side; a consumer body's spokesperson is no defender."""
    check(rl, [
        ("„Sinds maart krijg ik helemaal geen antwoord meer op mijn mails”, zegt de klant.", ACC),
        ("Aannemer Vos neemt zijn telefoon niet meer op.", ACC),
        ("Het bedrijf zegt volledig mee te werken aan het onderzoek.", NEU),
    ], "nl")
    check_not(rl, [("„Je mag klanten niet laten betalen voor wat je niet levert”, zegt een "
                    "woordvoerder van de Consumentenbond.", DEN)], "nl")


def test_session_thirteen_explainers_and_background_links_charge_no_one(
        rl: RuleLabeler) -> None:
    """Session 13: a how-to or explainer headline, often behind "Lees ook" / "Read more", and
    a "Lees ook" line that only names a kind of wrong point to background; a "Lees ook" line
    that charges a named party keeps its charge."""
    check(rl, [
        ("Lees ook: Zo herken je een malafide loodgieter aan de deur", NEU),
        ("Lees ook: Hoe meld je fraude met zorgbudgetten? Dit zijn de mogelijkheden", NEU),
        ("Lees ook: Meldingen van bankhelpdeskfraude opnieuw gestegen", NEU),
        ("Lees ook: Penningmeester van tennisclub Veldhoek verdacht van fraude", ACC),
    ], "nl")
    check(rl, [
        ("Read more: How to spot a fraudulent builder before you pay a deposit", NEU),
        ("Related: What to do if your bank details were stolen in a data breach", NEU),
    ], "en")


def test_session_thirteen_a_finding_in_a_headlines_tail(rl: RuleLabeler) -> None:
    """Session 13: a finding told first with its finder in the tail is an accusation, also
    about an unnamed firm and with a negation further on in the finding; a negation in its
    main clause answers the charge."""
    check(rl, [
        ("Energy firm billed former customers for debts they did not owe, ombudsman finds", ACC),
        ("Builder took deposits from pensioners and never came back, deputies say", ACC),
        ("Aide to housing minister did not leak tender papers, inquiry finds", DEN),
    ], "en")


def test_session_thirteen_a_source_telling_the_next_step_charges_no_one(
        rl: RuleLabeler) -> None:
    """Session 13: testimony still to come and an inquiry going on are steps; a prosecutor
    telling what the accused "would" do, by habit, still charges him."""
    check(rl, [
        ("The auditor is expected to testify later this week.", NEU),
        ("Prosecutor Ann Kerr said the defendant would knock on doors and demand cash up front.",
         ACC),
    ], "en")


def test_session_thirteen_court_dates_are_procedure(rl: RuleLabeler) -> None:
    """Session 13: a suspect brought before the judge, remanded to appear again or given days
    to appeal is procedure; one the court keeps in the cell is still accused."""
    check(rl, [
        ("Both men were remanded in custody to appear again at Leeds Crown Court on 10 May.", NEU),
    ], "en")
    check(rl, [
        ("De verdachte wordt vrijdag voorgeleid aan de rechter-commissaris.", NEU),
        ("Aannemer uit Beverhout blijft in de cel: raadkamer bevestigt aanhouding", ACC),
    ], "nl")


def test_session_thirteen_owning_up_is_no_defence(rl: RuleLabeler) -> None:
    """Session 13: a party's chief executive accepting the findings or apologising admits the
    wrong; the same speaker denying it still defends."""
    check(rl, [
        ("Chief executive Ana Ruiz said the firm had “made mistakes” and apologised to every "
         "customer affected.", ACC),
        ("In a statement, Corran Care said it “fully accepted” that the care that night had "
         "fallen short.", ACC),
    ], "en")


def test_session_thirteen_headline_opening_on_its_source(rl: RuleLabeler) -> None:
    """Session 13: "State auditor:", "Report:" open a charge, also with a negation further on;
    a negation right after the colon clears the party."""
    check(rl, [
        ("State auditor: Transit agency paid $1.4M for buses it never received", ACC),
        ("Report: Merrow College staff changed pupils' marks to hit targets", ACC),
        ("Police: no evidence Brook Lane grocer sold alcohol to teenagers", DEN),
    ], "en")


def test_session_thirteen_the_accused_firm_passing_the_blame_on(rl: RuleLabeler) -> None:
    """Session 13: the accused firm blaming a subcontractor, or naming a cause for its
    failure, answers the charge; customers blaming the firm accuse it."""
    check(rl, [
        ("Courier firm blames subcontractor for parcels left in the rain", DEN),
        ("School payments app Purseline blames supplier for data leak", DEN),
        ("Ferry operator Saltmere blames 'rogue crew member' for missed safety drill", DEN),
        ("He blamed the losses on a sharp rise in energy prices.", DEN),
        ("Tenants blame the landlord for the damp in their flats.", ACC),
    ], "en")


def test_session_thirteen_an_admission_refused(rl: RuleLabeler) -> None:
    """Session 13: a settlement "without any admission of liability" and a party that "did
    not admit wrongdoing" keep their denial; a party that admitted it does not."""
    check(rl, [
        ("Harrow Foods settled the claim without any admission of liability.", DEN),
        ("Kerr did not admit wrongdoing as part of the agreement.", DEN),
        ("Kerr admitted taking the money.", ACC),
    ], "en")


def test_session_thirteen_a_coroner_or_regulator_rejecting_the_partys_case(
        rl: RuleLabeler) -> None:
    """Session 13: a coroner, a regulator or a committee rejecting the party's account or
    arguments keeps the charge; the party rejecting the claims denies it."""
    check(rl, [
        ("The coroner rejected that account.", ACC),
        ("The regulator rejected both arguments.", ACC),
        ("The councillor rejected the claims.", DEN),
    ], "en")


def test_session_fourteen_a_source_claiming_a_wrong(rl: RuleLabeler) -> None:
    """Session 14: a source claiming a wrong as a clause, or a headline ending on "..., X
    claims", is the charge; claiming money back, the noun "claims that" opening a sentence and
    a party claiming it did nothing wrong are not."""
    check(rl, [
        ("Harwick claims that Dunmore's keeper had not been registered before the deadline.", ACC),
        ("Analyst claims ledger was left open to the internet", ACC),
        ("Bus firm cut safety checks to save money, drivers claim", ACC),
        ("You could also claim the money back from your card provider.", NEU),
        ("Claims that the water was unsafe to drink have circulated for a week.", NEU),
    ], "en")
    check_not(rl, [("Corvell claims it was not told about the fault.", ACC)], "en")


def test_session_fourteen_accusers_telling_their_own_step(rl: RuleLabeler) -> None:
    """Session 14: an accuser's voice telling its own step (it has paused, emailed), a finding
    it did not make or a release takes no side."""
    check(rl, [
        ("The researchers said they had emailed the company twice in January.",
         NEU),
        ("The report does not find that Adley profited personally from the decision.", NEU),
        ("Deputy Commissioner Arvind Sarin said two people were detained and later let go.", NEU),
        ("The council said it had paused new admissions to the home.", NEU),
    ], "en")


def test_session_fourteen_fact_checks_and_fakes_about_a_party(rl: RuleLabeler) -> None:
    """Session 14: a fact-check's verdict line, a picture or post of a party's wrong ruled fake
    and a party naming a contractor's fault dispute the charge; a fake picture of an animal
    and a fake plan name no charge (a debunk stays neutral)."""
    check(rl, [
        ("Verdict: False", DEN),
        ("We rate this claim False.", DEN),
        ("Video showing Harnley councillor taking cash is a deepfake, police confirm", DEN),
        ("Harnley restaurant owner says viral food poisoning post is fake", DEN),
        ("Mill director says burst pipe was a contractor's fault", DEN),
        ("Photo of 'shark in Harnley Lake' is fake, council says", NEU),
        ("Message claiming schools will close on Friday is fake", NEU),
    ], "en")


def test_session_fourteen_a_data_breach_disclosed_and_a_correction(rl: RuleLabeler) -> None:
    """Session 14: a firm disclosing a data breach, or a watchdog told of one, reports an
    incident the firm suffered; a paper's correction note corrects its own story. Neither
    charges a party; a breach of the rules still does."""
    check(rl, [
        ("Tallvane disclosed the breach on Jan. 9, saying an outsider had accessed a server.",
         NEU),
        ("The Data Protection Commission confirmed it had received a breach report from Tallvane.",
         NEU),
        ("Correction: An earlier version of this story misstated the number of Corvell stores.",
         NEU),
        ("Harnley Rovers were fined over a salary cap breach.", ACC),
    ], "en")


def test_session_fourteen_a_party_risking_a_sanction(rl: RuleLabeler) -> None:
    """Session 14: a named party that "riskeert" a suspension or a fine faces the charge; a
    rule for every firm and a condition name no one."""
    check(rl, [
        ("Vercammen riskeert een schorsing van maximaal vier jaar.", ACC),
        ("De vennootschap zelf riskeert een geldboete van 300.000 euro.", ACC),
        ("Bedrijven die een datalek te laat melden, riskeren een boete.", NEU),
        ("Bij een definitieve schorsing riskeert D. een uitsluiting van vier jaar.", NEU),
    ], "nl")


def test_session_fourteen_advice_and_a_vote_count(rl: RuleLabeler) -> None:
    """Session 14: advice to whoever may be affected, and a motion passed or defeated by a
    count of votes, are service and procedure; the watchdog's charge is not."""
    check(rl, [
        ("Patients who believe they were charged for insured services can contact the health "
         "line.", NEU),
        ("A motion calling for an independent review of the contract was defeated by 23 votes "
         "to 19.", NEU),
        ("The watchdog accused Corvell of charging patients for insured services.", ACC),
    ], "en")


def test_session_fourteen_answers_and_rejections_with_a_clause_between(rl: RuleLabeler) -> None:
    """Session 14: a party asked about the charge who answers "Absolutely not" denies it; a
    rejection keeps its denial when a time clause ("before the tender closed") or a clause
    naming a report stands between the words (neither a plan denied nor a ruling)."""
    check(rl, [
        ("Asked whether the business had become a Ponzi scheme, Tolland replied: "
         "\"Absolutely not.\"", DEN),
        ("Laidlow rejected claims he tipped off Harbour Marine before the ferry tender closed.",
         DEN),
        ("Pendwick, which was valued at about £400m before the report, rejected the allegations "
         "in a statement.", DEN),
        ("The tribunal rejected the allegations against the council.", NEU),
    ], "en")


def test_session_fourteen_he_told_the_court(rl: RuleLabeler) -> None:
    """Session 14: "he told the hearing ..." in a court report is mostly the accused giving
    evidence; counsel telling the jury and a named witness telling the court keep the charge."""
    check(rl, [
        ("He told the hearing the bag held his work clothes and a flask.", DEN),
        ("She told jurors the State's case was that Nagle picked out people who lived alone.",
         ACC),
        ("The witness told the court Nagle took the cash.", ACC),
    ], "en")


def test_session_fourteen_a_party_pointing_to_its_own_proof(rl: RuleLabeler) -> None:
    """Session 14: "we have the emails to prove it", "the minutes will show that": the party's
    answer; the prosecution saying what it will show keeps the charge."""
    check(rl, [
        ("The forms were in, the fee was paid, and we have the emails to show it.", DEN),
        ("I stepped back from every decision about suppliers, and the minutes will show that.",
         DEN),
        ("The prosecution said the bank records would show that Furlong took the money.", ACC),
    ], "en")


def test_session_fourteen_the_accused_recasting_the_charge(rl: RuleLabeler) -> None:
    """Session 14: "mistaken identity", "a personal vendetta", "not the same thing as
    dishonesty": the accused side recasting the charge."""
    check(rl, [
        ("Defence says Laval man is the victim of mistaken identity", DEN),
        ("Rafferty said the complaint was a personal vendetta by a former employee.", DEN),
        ("Being bad at paperwork is not the same thing as being dishonest.", DEN),
        ("Operator Castlewood says findings do not reflect the centre today", DEN),
    ], "en")


def test_session_fourteen_protesters_demanding_an_arrest(rl: RuleLabeler) -> None:
    """Session 14: relatives blocking a road "demanding the arrest of the surgeon" charge him."""
    check(rl, [
        ("Relatives staged a protest outside the hospital on Sunday, demanding the arrest of the "
         "surgeon.", ACC),
    ], "en")


def test_session_fourteen_the_accusers_officers_speaking(rl: RuleLabeler) -> None:
    """Session 14: a union's, a trust's or the plaintiffs' officer saying "not" or "never" speaks
    for the accusers, not for the defence."""
    check_not(rl, [
        ("Plaintiffs' lawyer Priya Santos said the company would never say so itself.", DEN),
        ("The union's competitions manager said the clearance never arrived from the club.", DEN),
    ], "en")


def test_session_fourteen_a_cue_held_in_scare_quotes(rl: RuleLabeler) -> None:
    """Session 14: a sentence on which nothing fires is read again without the quotation marks
    of its short scare quotes: "care home 'ignored' warnings" charges, "the claims are 'a
    smear'" answers, "it was 'aware of the issue'" takes no side."""
    check(rl, [
        ("Family of grandmother say care home \u2018ignored\u2019 warnings", ACC),
        ("Cllr Pryde says the claims are \u2018a smear\u2019 and that the contract was awarded "
         "by officers", DEN),
        ("The regulator said it was \u201caware of the issue\u201d and in contact with the "
         "supplier.", NEU),
    ], "en")


def test_scare_quotes_lose_their_marks_and_quotations_keep_them() -> None:
    from wederhoor.labelers.text import without_scare_quotes

    assert without_scare_quotes("care home \u2018ignored\u2019 warnings") == \
        "care home ignored warnings"
    assert without_scare_quotes("spreekt van \u201egrove nalatigheid\u201d in het dossier") == \
        "spreekt van grove nalatigheid in het dossier"
    long = "He said it was \"a vendetta by a former employee who left on bad terms\"."
    assert without_scare_quotes(long) == long  # more than four words: a quotation
    assert without_scare_quotes("Harbour's books") == "Harbour's books"  # an apostrophe


def test_session_fourteen_asking_for_a_review_and_a_different_picture(rl: RuleLabeler) -> None:
    """Session 14: the party asking a court to review the findings, disagreeing with them, or
    its lawyer painting "a very different picture" contests the charge; the police asking a
    court to review a decision do not."""
    check(rl, [
        ("Coun. Marta Stadler says she will ask a court to review the findings", DEN),
        ("Company says it fundamentally disagrees with findings", DEN),
        ("Defense attorney Martin Oyelade offered jurors a very different picture.", DEN),
    ], "en")
    check_not(rl, [("Police asked the court to review the bail decision.", DEN)], "en")


def test_session_fourteen_what_a_court_heard_that_charges_no_one(rl: RuleLabeler) -> None:
    """Session 14: money paid back, police searching a flat or a firm's collapse, "the court
    heard", charge no one; what the accused did, the court heard, does."""
    check(rl, [
        ("Furlow has repaid €41,000 to the credit union, the court heard.", NEU),
        ("Officers searched a flat in the town the following afternoon, the court heard.", NEU),
        ("The court heard that Halbrook Renewables went into administration owing creditors "
         "about £1.6m.", NEU),
        ("Furlow took €41,000 from dormant accounts, the court heard.", ACC),
    ], "en")


def test_session_fifteen_the_accuser_weighs_the_story_or_the_findings(rl: RuleLabeler) -> None:
    """Session 15: a prosecutor or judge calling the accused's story something keeps the
    charge; calling the findings grave ("onaanvaardbaar", "ernstig") carries it, where a
    dismissal word still makes a denial."""
    check(rl, [
        ("De officier noemde dat alibi ‘een zwaktebod’.", ACC),
        ("De politierechter vond die versie moeilijk te rijmen met de bankafschriften.", ACC),
        ("De gedeputeerde noemt de bevindingen van de auditeur „onaanvaardbaar”.", ACC),
        ("De schepen noemt de conclusies ‘bijzonder ernstig’.", ACC),
        ("De schepen noemt de conclusies ‘volstrekt onterecht’.", DEN),
        ("De directeur noemt de beschuldigingen ‘niet ernstig te nemen’.", DEN),
    ], "nl")


def test_session_fifteen_the_accused_side_names_the_matter(rl: RuleLabeler) -> None:
    """Session 15: the accused side's director or firm "spreekt van" its own name for the
    matter; a party's director speaking for the accusers does not answer a charge."""
    check(rl, [
        ("Directeur Inge Vlasman spreekt van ‘een boekhoudkundige kwestie die wordt opgeblazen’.",
         DEN),
        ("Het transportbedrijf spreekt van „een misverstand met de douane”.", DEN),
    ], "nl")
    check_not(rl, [("Voorzitter Joris Peel van de vereniging van slachtoffers spreekt van "
                    "‘een drama’.", DEN),
                   ("Oppositieleider Kim Aerts spreekt van ‘een doofpot’.", DEN)], "nl")


def test_session_fifteen_court_headline_tails(rl: RuleLabeler) -> None:
    """Session 15: "..., prosecutor tells jury" and "..., WRC hears" end a court headline
    like "jury told": what follows the tail is the prosecution's case."""
    check(rl, [
        ("Ex-harbour master routed $310K to cousin's boatyard, prosecutor tells jury", ACC),
        ("Bakery owner kept apprentices' wages for a year, WRC hears", ACC),
    ], "en")


def test_session_fifteen_what_follows_the_verb_is_not_always_a_speaker(rl: RuleLabeler) -> None:
    """Session 15: after a comma, "zegt van niets te weten" or "reageerde niet" is what the
    party said or did, not an attribution tail to cut off ("..., zegt de advocaat.")."""
    check(rl, [
        ("De uitbater van het café, een 52-jarige Gentenaar, zegt van niets te hebben geweten.",
         DEN),
        ("De verhuurder, Woonfix bv uit Tilburg, reageerde niet op vragen.", NEU),
        ("„De cijfers kloppen niet”, zegt de advocaat van de uitbater.", DEN),
    ], "nl")


def test_session_fifteen_contesting_a_decision_or_staying_on(rl: RuleLabeler) -> None:
    """Session 15: a party that goes to court to fight a decision about it, considers an
    appeal, or sees no reason to step down answers the charge; a fight in the street does
    not."""
    check(rl, [
        ("Bouwbedrijf Kalverdijk stapt naar de rechter om de uitsluiting aan te vechten.", DEN),
        ("De schepen ziet geen enkele reden om af te treden.", DEN),
        ("Kalverdijk overweegt beroep aan te tekenen bij het hof.", DEN),
    ], "nl")
    check_not(rl, [("De twee mannen werden opgepakt na een vechtpartij aan een café.", DEN)],
              "nl")


def test_session_fifteen_the_defendant_speaking_to_the_court(rl: RuleLabeler) -> None:
    """Session 15: a quotation closed by "zei hij tegen de rechtbank" (a pronoun or an
    initial speaking to the judges) is the defendant's own defence; a witness named as such
    is not."""
    check(rl, [
        ("„Ik was die avond gewoon thuis bij mijn vriendin”, zei hij tegen de rechtbank.", DEN),
        ("„Die pakketten stonden al in de loods toen ik er begon”, vertelde K. aan de rechter.",
         DEN),
    ], "nl")
    check_not(rl, [("„Hij had een mes in zijn hand”, zei de getuige tegen de rechtbank.", DEN)],
              "nl")


def test_session_fifteen_investigations_and_disciplinary_bodies_at_work(rl: RuleLabeler) -> None:
    """Session 15: an investigation that only runs, or a disciplinary body hearing a case, is
    procedure; an investigation opened into a firm, or a body suspending a player, charges."""
    check(rl, [
        ("Over de zaak zegt de burgemeester niets, omdat er een gerechtelijk onderzoek loopt.",
         NEU),
        ("De tuchtcommissie behandelt de zaak van Peeters volgende week in Zeist.", NEU),
        ("Het parket heeft een strafonderzoek geopend naar het transportbedrijf wegens "
         "sociale fraude.", ACC),
        ("De tuchtcommissie schorst speler Van Riel voor vijf wedstrijden.", ACC),
    ], "nl")


def test_session_fifteen_an_acquittal_told_with_the_separable_verb(rl: RuleLabeler) -> None:
    """Session 15: "spreekt ... vrij" is an acquittal like "vrijgesproken"."""
    check(rl, [("Rechter spreekt aannemer uit Zwolle vrij van oplichting", NEU),
               ("De rechtbank sprak de boekhouder van de club vrij van verduistering.", NEU)],
          "nl")


def test_session_fifteen_the_party_itself_speaks(rl: RuleLabeler) -> None:
    """Session 15: "X zelf zegt / spreekt van / hield vol" sets the party itself against what
    was said about it; a victim speaking for itself does not answer a charge."""
    check(rl, [
        ("Verbruggen zelf zegt dat de facturen door zijn boekhouder werden opgemaakt.", DEN),
        ("K. zelf hield tijdens de zitting vol dat hij die avond in Lier was.", DEN),
    ], "nl")
    check_not(rl, [("Het slachtoffer zelf zegt dat hij nog altijd slecht slaapt.", DEN)], "nl")


def test_session_fifteen_a_firm_that_employs_people_can_be_fined(rl: RuleLabeler) -> None:
    """Session 15: the count-of-people guard on fines ("2,000 motorists were fined") no
    longer hides a firm's fine because the sentence says how many people it employs."""
    check(rl, [("The haulier, which employs about 1,200 people, was fined £95,000.", ACC),
               ("More than 2,000 motorists were fined last year for using the bus lane.", NEU)],
          "en")


def test_session_fifteen_the_defence_lawyer_calls_the_case_something(rl: RuleLabeler) -> None:
    """Session 15: the defendant's lawyer calling the file or the report something answers
    the charge; the victims' lawyer calling it something does not."""
    check(rl, [("Advocaat Wim Laenen noemt het dossier „een kaartenhuis”.", DEN),
               ("Meester Sara Daems, advocaat van Tom V., noemde het strafdossier ‘een gok’.",
                DEN)], "nl")
    check_not(rl, [("Advocaat Ilse Wauters van de slachtoffers noemt het dossier ‘loodzwaar’.",
                    DEN)], "nl")


def test_session_fifteen_a_headline_that_opens_with_the_partys_denial(rl: RuleLabeler) -> None:
    """Session 15: "'I never saw the invoices': X takes the stand" is the party's own denial,
    like "X: 'I never ...'"."""
    check(rl, [("‘I never signed those contracts’: ex-council chief gives evidence", DEN),
               ("'We did not hide the leak': water firm boss before MPs", DEN)], "en")


def test_session_fifteen_a_sentence_demanded_without_naming_the_prosecutor(rl: RuleLabeler) -> None:
    """Session 15: "Tegen K. wordt negen jaar geëist", "Voor hem eist justitie zes jaar",
    "Eis tegen X: zestien jaar" carry the prosecution's charge."""
    check(rl, [("Tegen B. wordt zeven jaar geëist.", ACC),
               ("Voor haar eist justitie achttien maanden.", ACC),
               ("Eis tegen Kevin D.: twaalf jaar", ACC)], "nl")


def test_session_fifteen_a_patient_admitted_is_no_admission(rl: RuleLabeler) -> None:
    """Session 15: a patient admitted with an infection or under an act, or a home admitting
    residents, admits nothing; a director who admitted the figures were wrong does."""
    check(rl, [("Joan Pryce, 84, was admitted with pneumonia in March and died a week later.", NEU),
               ("The home is still allowed to admit new residents.", NEU),
               ("The director admitted that the figures had been wrong for two years.", ACC)],
          "en")


def test_session_fifteen_a_liquidator_or_an_fir_as_accusing_source(rl: RuleLabeler) -> None:
    """Session 15: a liquidator, an Indian FIR or "the prosecution case is that" tells the
    charge like prosecutors or a report do."""
    check(rl, [("The liquidator says €1.9m left Harwick Builders in the weeks before it "
                "collapsed.", ACC),
               ("The FIR says Sundaram Infra was paid twice for the same culvert.", ACC),
               ("The prosecution case is that Mr Quill took cash from the club's bar till.", ACC)],
          "en")


def test_session_fifteen_a_party_barred_from_its_trade(rl: RuleLabeler) -> None:
    """Session 15: a regulator or ruling barring a named party from its trade charges it; a
    code that bars everyone, or a bail condition while the case is pending, does not."""
    check(rl, [("Regulator bars Orlan Capital founders from securities market for two years",
                ACC),
               ("The ruling also bans Tessel from taking deposits on any job for five years.",
                ACC)], "en")
    check_not(rl, [("The ethics code bars councillors from voting on their relatives' bids.",
                    ACC),
                   ("The judge barred him from trading while the case is pending.", ACC)], "en")


def test_session_fifteen_services_suspended_are_no_sanction(rl: RuleLabeler) -> None:
    """Session 15: rail services suspended after flooding are no suspension of a party; a
    player suspended for a bet is."""
    check(rl, [("Rail services between Ardell and Fenby have been suspended because of "
                "flooding on the line.", NEU),
               ("Winger Tom Havers was suspended for six matches after a bet on his own club.",
                ACC)], "en")


def test_session_fifteen_a_finding_in_the_tail_and_the_sports_prosecutor(rl: RuleLabeler) -> None:
    """Session 15: ", blijkt uit het dossier" at a sentence's end is a finding about the party
    named before it; "volgens het bondsparket" speaks for the charge like "volgens het
    parket"."""
    check(rl, [("Brouwerij Haverkamp stuurde de facturen naar de gemeente, zo blijkt uit het "
                "dossier.", ACC),
               ("Volgens het bondsparket kreeg doelman Kevin R. 3.000 euro van een gokker.", ACC)],
          "nl")


def test_session_sixteen_a_finding_in_the_tail_of_an_inquest(rl: RuleLabeler) -> None:
    """Session 16: an inquest, a coroner or a review telling a finding in the sentence's tail
    charges the party named first; a witness who "told the inquest" is no finder, and a
    death the finding blames on nobody stays neutral."""
    check(rl, [("Nursing home staff left resident alone for six hours before she fell, inquest "
                "finds", ACC),
               ("A clinic failed to act on three abnormal scans, a coroner has concluded.", ACC)],
          "en")
    check_not(rl, [("Ward manager Ella Price told the inquest the unit had been fully staffed "
                    "that night.", ACC)], "en")


def test_session_sixteen_charges_told_as_allegations_demands_and_refusals(rl: RuleLabeler) -> None:
    """Session 16: "allegations that he ...", a demand that a party be investigated, a firm
    that refuses a refund, a remand in custody over a crime and "the Crown says" charge;
    the accused's own "claims that we ..." and a debunked rumour do not."""
    check(rl, [("The league is investigating allegations that the coach bet on his own team.",
                ACC),
               ("Parents want academy investigated", ACC),
               ("Trelwyn Travel has refused a refund for the cancelled tour.", ACC),
               ("Man (29) remanded in custody over shop robbery", ACC),
               ("The Crown says the cash came from the club's till.", ACC)], "en")
    check_not(rl, [("Claims that a meteor will strike on Monday debunked", ACC),
                   ("\"Claims that we hid the accounts are simply wrong,\" the firm said.", ACC)],
              "en")


def test_session_sixteen_answers_in_headline_grammar(rl: RuleLabeler) -> None:
    """Session 16: a firm calling a suit a shakedown, a report that "will be challenged", a
    party that "did not profit", data "never sold", disputing "almost every line", parties
    that "are not responsible" and "no force was used" answer the charge."""
    check(rl, [("Oldcastle Homes calls the lawsuit a shakedown by former partners", DEN),
               ("Brackley Care says inspection report is 'unbalanced' and will be challenged",
                DEN),
               ("Dairy ‘did not profit’ from spills, says owner", DEN),
               ("Fitwise says user data was anonymised and never sold", DEN),
               ("Donnelly disputes almost every line of it.", DEN),
               ("Both firms say they are not responsible.", DEN),
               ("The sheriff said no force was used during the arrest.", DEN)], "en")
    check_not(rl, [("The shop advertised sofas at 'was' prices they had never sold for.", DEN)],
              "en")


def test_session_sixteen_dutch_misconduct_told_by_contrast_or_a_finding(rl: RuleLabeler) -> None:
    """Session 16: misconduct told by a contrast with what was due ("zonder dat", "ontbraken")
    with no party named, by what inspectors found or by what turned out on checking, is an
    accusation; the speaker's own first-person account is not read so."""
    check(rl, [("Bij de helft van de ritten ontbraken de rusttijden.", ACC),
               ("Ze troffen er zes chauffeurs aan die veertien uur per dag reden.", ACC),
               ("Het factuurnummer bleek niet te bestaan.", ACC)], "nl")
    check_not(rl, [("Het contract werd verlengd zonder dat wij het wisten.", ACC)], "nl")


def test_session_sixteen_dutch_steps_and_findings_against_a_party(rl: RuleLabeler) -> None:
    """Session 16: a party held liable, inspectors' finds in the present tense or finding no
    papers, a duty skipped "zonder de verplichte ...", a story the judge does not believe,
    sanctions in headline grammar, a report past the legal term, complaints of customers and
    a trial are accusations; a liability rule for everyone, finding no sign of wrong and
    first-person accounts are not."""
    check(rl, [("De curator wil de oud-bestuurder persoonlijk aansprakelijk stellen.", ACC),
               ("Arbeidsinspectie treft twaalf illegale werknemers aan in loods van bakkerij",
                ACC),
               ("Voor die betalingen vonden de speurders geen enkel contract.", ACC),
               ("Het schoolbestuur gunde de opdracht zonder de verplichte aanbesteding.", ACC),
               ("De rechter hechtte weinig geloof aan zijn uitleg.", ACC),
               ("Bond trekt zes punten af bij FC Veenwijk na valse loonlijsten", ACC),
               ("Dopingautoriteit vraagt vier jaar schorsing voor wielrenner Kools", ACC),
               ("Burgemeester liet de nachtwinkel voor een maand sluiten.", ACC),
               ("De diefstal werd pas na de wettelijke termijn gemeld.", ACC),
               ("Kopers klagen al weken over kapotte fietsen", ACC),
               ("In Gent staan sinds dinsdag vier mannen terecht voor de overval.", ACC)], "nl")
    check_not(rl, [("Een werkgever kan in bepaalde gevallen aansprakelijk worden gesteld voor "
                    "schade door zijn personeel.", ACC),
                   ("De onderzoekers vonden geen aanwijzingen dat het geld verkeerd is besteed.",
                    ACC)], "nl")


def test_session_sixteen_dutch_the_party_contests_or_tells_its_version(rl: RuleLabeler) -> None:
    """Session 16: refusing a settlement, disagreeing with a closure, contesting findings,
    objecting, taking the case to an appeals body or asking for a counter-analysis answer the
    charge; so does the accused's own version ("een heel ander verhaal", "hield voet bij
    stuk"). The weeks a firm has to object, a counter-analysis awaited and a caller who got
    a different story each time do not."""
    check(rl, [("Velox gaat niet akkoord met het schikkingsvoorstel.", DEN),
               ("Uitbater Marc Pauwels is het niet eens met de sluiting.", DEN),
               ("De bestuurders bestrijden de conclusies van de curator.", DEN),
               ("De club legt de zaak voor aan de commissie van beroep.", DEN),
               ("De renner heeft om een tegenanalyse gevraagd.", DEN),
               ("De beklaagde vertelde ter zitting een heel ander verhaal.", DEN),
               ("Jeroen K. hield in de rechtbank voet bij stuk.", DEN)], "nl")
    check_not(rl, [("Het bedrijf heeft zes weken om bezwaar te maken.", DEN),
                   ("Hij is geschorst in afwachting van de analyse van het B-staal.", DEN),
                   ("„Ik kreeg elke keer een ander verhaal”, vertelt een klant.", DEN)], "nl")


def test_session_sixteen_english_fights_appeals_and_clearing_findings(rl: RuleLabeler) -> None:
    """Session 16: a club "to fight 48-week ban", "fight this all the way", taking one's case
    to a board, "will be vindicated" and a review that finds no evidence (headline tail)
    answer the charge."""
    check(rl, [("Harriers to fight 10-week ban handed to captain Joe Mallon", DEN),
               ("He said he would fight this all the way.", DEN),
               ("She said she would take her case to the federation's appeals board.", DEN),
               ("Lawyer says Dana Rooke 'will be vindicated'", DEN),
               ("No evidence mayor steered contract to friend, inquiry finds", DEN)], "en")


def test_session_sixteen_english_headline_grammar_of_a_case(rl: RuleLabeler) -> None:
    """Session 16: a party in court over a crime, money repaid or awarded after a wrong, a
    loss to a fake platform, a watchdog or auditors saying or flagging something, an
    investigation or inspectors "over" something, inspectors who cite a home, a finger
    pointed and a disputed figure; "I was framed" answers. A contract "awarded fairly"
    charges nobody."""
    check(rl, [("Woman in court over thefts from charity shops", ACC),
               ("Councillor repays $4,200 after claiming mileage for holidays", ACC),
               ("Pensioner lost €90,000 to fake investment platform, gardaí say", ACC),
               ("Watchdog says mayor hid gifts from developer", ACC),
               ("Auditors flag 'serious weakness' in Brindle Foods' accounts", ACC),
               ("Ombudsman investigating Harlow Energy over billing errors", ACC),
               ("State inspectors cite Oak Lane care home after resident's fall", ACC),
               ("Brennock points finger at its software supplier", ACC),
               ("Defence disputes $2.4 million figure", DEN),
               ("'I was framed,' says jailed accountant Ray Mott", DEN)], "en")
    check_not(rl, [("Contract was awarded fairly, says council after tender row", ACC)], "en")


def test_session_sixteen_english_harm_left_behind(rl: RuleLabeler) -> None:
    """Session 16: a harm that "could have been prevented", a deposit kept, customers still
    waiting on refunds, "...; owner arrested" and a family that tells an inquest what a home
    did are charges; money kept at home by its owner is not."""
    check(rl, [("Patient's death 'could have been prevented', coroner told", ACC),
               ("Our builder vanished – and kept the £6,500 deposit", ACC),
               ("Gig-goers still waiting on refunds a year after Harbour Fest was cancelled",
                ACC),
               ("Nineteen workers freed from quarry; owner arrested", ACC),
               ("Family tells inquest care home left mother alone for hours", ACC)], "en")
    check_not(rl, [("He said he kept cash at home because he did not trust banks.", ACC)],
              "en")


def test_session_sixteen_english_judges_reject_and_parties_knew_nothing(rl: RuleLabeler) -> None:
    """Session 16: a sheriff or justice rejecting the defence's arguments, a judge who "did
    not accept that" and a panel that disagreed keep the charge; a judge tossing a lawsuit
    ends it; "knew nothing", "absolutely no idea" and "nobody took a penny" answer it."""
    check(rl, [("Sheriff Ann Reid rejected that argument.", ACC),
               ("Justice Hale rejected those arguments.", ACC),
               ("Judge Mary Lyle said she did not accept that the cash had been a loan.", ACC),
               ("The panel disagreed.", ACC),
               ("Judge tosses lawsuit against Orchard Homes over leaks", NEU),
               ("Former treasurer 'knew nothing'", DEN),
               ("He said he had \"absolutely no idea\" what was going on.", DEN),
               ("Nobody on that board took a penny, he said.", DEN)], "en")


def test_session_sixteen_flemish_court_headlines(rl: RuleLabeler) -> None:
    """Session 16: a sentence "met uitstel", a case sent to the criminal court, suspects
    referred, a factory shut by the food agency, the court not believing the defence and
    inspectors coming upon underpayment are charges; "wijst dat met klem af" and "ziet geen
    graten in" answer them; a stop on building applications sanctions nobody."""
    check(rl, [("Boekhouder krijgt twee jaar met uitstel voor valse facturen", ACC),
               ("KI stuurt gewezen burgemeester naar correctionele rechtbank", ACC),
               ("Ook de zaakvoerder en zijn broer worden doorverwezen.", ACC),
               ("FAVV legt slagerij in Meerdonk stil na vondst salmonella", ACC),
               ("De rechtbank gelooft daar niets van.", ACC),
               ("Bij de controle stuitten de inspecteurs op zwartwerk.", ACC),
               ("Clubvoorzitter Luc Aerts wijst dat met klem af.", DEN),
               ("De schepen ziet zelf geen graten in de zaak.", DEN)], "nl")
    check_not(rl, [("Gemeente legt bouwaanvragen in centrum stil na protest", ACC)], "nl")


def test_session_nineteen_real_news_families(rl: RuleLabeler) -> None:
    """Session 19, families read on real published news (our own sentences about invented
    parties): "the accused" names a defendant and tells no charge; an offence named with
    "false" is not a word about the charge; a victim called innocent is not a denial; a
    pregnancy rumour charges nobody; sanctions told with nouns, "claimed trial" and a prison
    term told with "kreeg" are kept."""
    check(rl, [("The accused was remanded in custody to appear again on 4 June.", NEU),
               ("Both co-accused had their appearances excused.", NEU),
               ("Three councillors appeared in court, accused of false accounting.", ACC),
               ("Prosecutors say Mr Hale falsely testified about the loans.", ACC),
               ("The driver knew an innocent woman was standing by the door, the judge said.",
                NEU),
               ("Singer Tia Marlowe denies pregnancy rumours", NEU),
               ("Harwick council receives £90,000 fine over data breach", ACC),
               ("Watchdog hands its biggest fine yet to Dunmore Water", ACC),
               ("Police chief named in lawsuit over jail death", ACC),
               ("Former mayor of Kellbrook in court on fraud charges", ACC),
               ("In court on Monday, Lim claimed trial to both charges.", DEN)], "en")
    check(rl, [("Verhoeven kreeg 6 maanden opgelegd, wegens witwassen.", ACC),
               ("Twee medeverdachten in die zaak kregen 4 en 9 jaar.", ACC),
               ("De aannemer kreeg drie jaar voor de bouw van de nieuwe brug.", NEU),
               ("Het bedrijf kreeg zes maanden de tijd om de situatie recht te zetten.", NEU),
               ("Nadien beginnen de advocaten van de verdediging aan hun pleidooien.", NEU),
               ("De verdediging van Marten V. kondigde al aan dat ze conclusies neerlegt.", NEU),
               ("Volgens zijn advocaat heeft hij nooit geld aangenomen.", DEN),
               ("In vergelijking met de buurlanden zijn de boetes hier nog bijzonder laag.",
                NEU)],
          "nl")


def test_session_twenty_real_news_families(rl: RuleLabeler) -> None:
    """Session 20, families read on a second batch of real published news (our own sentences
    about invented parties): a fine ranked, counted or summed, or handed to parties nobody can
    name, accuses nobody, while a sum a named party must pay does; sentencing headlines with
    nothing after the term are charges."""
    check(rl, [("Het is een van de hoogste boetes die de toezichthouder ooit oplegde.", NEU),
               ("Het gaat om een totaal boetebedrag van 240.000 euro.", NEU),
               ("De drie grootste boetes van elk 40.000 euro werden vorige week opgelegd.", NEU),
               ("Een ander bedrijf kreeg een boete van ruim 2 miljoen euro.", NEU),
               ("De toezichthouder legde Veldkamp Energie de hoogste boete ooit op.", ACC),
               ("Directeur Wim Loos moet 75.000 euro betalen.", ACC),
               ("Zowel Brandhof als Kestrel moeten elk 30.000 euro terugbetalen.", ACC),
               ("De gemeente moest 2 miljoen euro vrijmaken voor de nieuwe brug.", NEU)], "nl")
    check(rl, [("Former Harwick mayor gets 4 years", ACC),
               ("Jail for care worker who stole from residents", ACC),
               ("Judge jails Dunmore man caught selling fake permits", ACC),
               ("Conditions in jails for young offenders are improving", NEU),
               ("Local runner gets 3 years of funding", NEU)], "en")
