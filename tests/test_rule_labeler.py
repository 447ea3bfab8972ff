"""Tests for the rule-based stance labeler (wederhoor.labelers.rules).

All example sentences are invented; parties are fictional.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from wederhoor.labelers.rules import TIERS, RuleLabeler

ACC, DEN, NEU = "accusation", "denial", "neutral"


@pytest.fixture(scope="module")
def rl() -> RuleLabeler:
    return RuleLabeler()


def check(rl: RuleLabeler, cases: list[tuple[str, str]], lang: str) -> None:
    wrong = []
    for text, gold in cases:
        label, fired = rl.label_one(text, lang)
        if label != gold:
            wrong.append(f"{gold} != {label} {fired}: {text}")
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


def test_cue_precheck_does_not_change_results(rl: RuleLabeler) -> None:
    """The fast pre-check must never hide a function that would have fired."""
    import dataclasses

    from wederhoor.labelers import rules

    texts = [
        "Ondanks zijn ontkenning werd de aannemer veroordeeld.",
        "Het bedrijf is gedagvaard wegens oplichting.",
        "De strafvervolging tegen de notaris loopt nog.",
        "Alle veiligheidsregels werden strikt nageleefd.",
        "Critics accused the ministry of hiding the report, which it denies.",
        "The plant was fully licensed to operate.",
    ]
    for lang in ("nl", "en"):
        lex = rl._lex[lang]
        ungated = dataclasses.replace(lex, always=frozenset(range(len(lex.functions))))
        for text in texts:
            assert rules._fire(lex, text) == rules._fire(ungated, text), text
