"""Document context of the rule labeler: continuations take the previous sentence's stance.

All example sentences are invented; parties are fictional.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wederhoor.labelers.rules import RuleLabeler

ACC, DEN, NEU = "accusation", "denial", "neutral"


@pytest.fixture(scope="module")
def rl() -> RuleLabeler:
    return RuleLabeler()


def with_context(tmp_path: Path, lang: str, context: str) -> Path:
    """A lexicon folder in ``tmp_path``: the shipped lexicon of ``lang`` and a context file
    of that language holding ``context``; returns the context file's path."""
    shutil.copy(Path(RuleLabeler().folder) / f"{lang}.yaml", tmp_path / f"{lang}.yaml")
    (tmp_path / "context").mkdir()
    path = tmp_path / "context" / f"{lang}.yaml"
    path.write_text(context)
    return path


def run(rl: RuleLabeler, sentences: list[str], lang: str = "nl",
        docs: list[str] | None = None) -> tuple[list[str], list[str]]:
    doc_ids = docs if docs is not None else ["d1"] * len(sentences)
    return rl.label(sentences, [lang] * len(sentences), doc_ids)


def test_source_sentence_takes_the_accusation(rl: RuleLabeler) -> None:
    first = "Wethouder Van Dalen zou subsidies hebben doorgesluisd naar de firma van zijn broer."
    source = "Dat blijkt uit een intern rapport van het agentschap."
    alone, _ = rl.label([source], ["nl"])
    assert alone == [NEU]  # on its own the sentence has no stance
    labels, evidence = run(rl, [first, source])
    assert labels == [ACC, ACC]
    assert evidence[1] == "nl_continues_previous"


@pytest.mark.parametrize("source", [
    "Dat bevestigt de arbeidsinspectie na een controle op de bouwplaats.",
    "Dit schrijft het Vlaamse agentschap in een verslag dat dinsdag verscheen.",
])
def test_sources_of_an_accusation(rl: RuleLabeler, source: str) -> None:
    first = "De aannemer liet zijn arbeiders volgens de vakbond zestig uur per week werken."
    labels, _ = run(rl, [first, source])
    assert labels == [ACC, ACC]
    assert rl.label([source], ["nl"])[0] == [NEU]


@pytest.mark.parametrize("source", [
    "Dat meldt de regionale omroep op basis van interne documenten.",
    "Dat staat in een rapport van de inspectie dat dinsdag verscheen.",
])
def test_a_line_that_only_names_where_the_news_comes_from_stays_neutral(
        rl: RuleLabeler, source: str) -> None:
    """The writers of the real-news-style rounds label "Dat meldt het OM." neutral."""
    first = "De aannemer liet zijn arbeiders volgens de vakbond zestig uur per week werken."
    assert run(rl, [first, source])[0] == [ACC, NEU]


def test_pronoun_quote_takes_the_denial(rl: RuleLabeler) -> None:
    labels, evidence = run(rl, [
        "Directeur Maes ontkent dat het bedrijf afval in de rivier heeft geloosd.",
        "'We draaien hier al dertig jaar en kennen elke buurman bij naam', zegt hij.",
    ])
    assert labels == [DEN, DEN]
    assert evidence[1] == "nl_continues_previous"


def test_english_continuation(rl: RuleLabeler) -> None:
    labels, _ = run(rl, [
        "The firm denied that it had misled investors about the mine's output.",
        '"We published every figure the regulator asked for," she said.',
    ], lang="en")
    assert labels == [DEN, DEN]


def test_no_context_across_documents(rl: RuleLabeler) -> None:
    labels, _ = run(rl, [
        "Wethouder Van Dalen zou subsidies hebben doorgesluisd naar de firma van zijn broer.",
        "Dat blijkt uit een intern rapport van het agentschap.",
    ], docs=["d1", "d2"])
    assert labels == [ACC, NEU]


def test_neutral_previous_stays_neutral(rl: RuleLabeler) -> None:
    labels, evidence = run(rl, [
        "De nieuwe brug over de Schelde gaat in mei open voor fietsers.",
        "Dat meldt de provincie in een persbericht.",
    ])
    assert labels == [NEU, NEU]
    assert evidence == ["", ""]


def test_own_cue_outranks_context(rl: RuleLabeler) -> None:
    labels, evidence = run(rl, [
        "Het parket verdenkt de zaakvoerder van fraude met bouwvergunningen.",
        "'Ik ontken elke betrokkenheid', zegt hij.",
    ])
    assert labels == [ACC, DEN]
    assert "continues_previous" not in evidence[1]


def test_chain_resolves_left_to_right(rl: RuleLabeler) -> None:
    labels, _ = run(rl, [
        "Directeur Maes ontkent dat het bedrijf afval in de rivier heeft geloosd.",
        "'We draaien hier al dertig jaar en kennen elke buurman bij naam', zegt hij.",
        "'Elke vrachtwagen die hier vertrekt, staat in ons register', vervolgt hij.",
    ])
    assert labels == [DEN, DEN, DEN]


def test_without_doc_ids_there_is_no_context(rl: RuleLabeler) -> None:
    labels, _ = rl.label([
        "Directeur Maes ontkent dat het bedrijf afval in de rivier heeft geloosd.",
        "'We draaien hier al dertig jaar en kennen elke buurman bij naam', zegt hij.",
    ], ["nl", "nl"])
    assert labels == [DEN, NEU]


def test_language_without_context_file(tmp_path: Path) -> None:
    folder = Path(RuleLabeler().folder)
    for name in ("nl.yaml", "en.yaml"):
        shutil.copy(folder / name, tmp_path / name)
    plain = RuleLabeler(lexicons=str(tmp_path))
    labels, _ = run(plain, [
        "Wethouder Van Dalen zou subsidies hebben doorgesluisd naar de firma van zijn broer.",
        "Dat blijkt uit een intern rapport van het agentschap.",
    ])
    assert labels == [ACC, NEU]


def test_malformed_context_file_names_the_file(tmp_path: Path) -> None:
    with_context(tmp_path, "nl", "continuation: ['(unclosed']\n")
    with pytest.raises(ValueError, match=r"context.nl\.yaml"):
        RuleLabeler(lexicons=str(tmp_path))  # reported when the labeler is built


def test_a_context_file_is_read_again_when_it_changes(tmp_path: Path) -> None:
    """Parsed context files are kept per process by their bytes: an edited file must count."""
    path = with_context(tmp_path, "nl", "continuation: ['^dat blijkt uit']\n")
    first = RuleLabeler(lexicons=str(tmp_path)).context_rules["nl"]
    assert first is not None and first.continuation is not None
    assert first.continuation.search("dat blijkt uit een rapport.")
    path.write_text("continuation: ['^zo staat het in']\n")
    second = RuleLabeler(lexicons=str(tmp_path)).context_rules["nl"]
    assert second is not None and second.continuation is not None
    assert not second.continuation.search("dat blijkt uit een rapport.")
    assert second.continuation.search("zo staat het in een rapport.")


def test_unattributed_quote_continues_the_speaker(rl: RuleLabeler) -> None:
    labels, _ = run(rl, [
        "'De directeur wist dat de lift defect was, maar deed er niets aan', zegt een monteur.",
        "'Een week later viel de cabine twee verdiepingen naar beneden.'",
    ])
    assert labels == [ACC, ACC]
    assert rl.label(["'Een week later viel de cabine twee verdiepingen naar beneden.'"],
                    ["nl"])[0] == [NEU]


# ---------------------------------------------------------------------- quotes over sentences


def test_quote_over_two_sentences_is_labelled_as_one(rl: RuleLabeler) -> None:
    opening = "\u201cIk werk hier al dertig jaar."
    closing = "Nooit heb ik ook maar \u00e9\u00e9n factuur vervalst\u201d, zegt Pauwels."
    assert rl.label([opening], ["nl"])[0] == [NEU]  # on its own the opening has no cue
    labels, evidence = run(rl, ["Het parket onderzoekt de boekhouding van de firma.",
                                opening, closing])
    assert labels[1:] == [DEN, DEN]
    assert evidence[1] == "nl_quote_continues"


def test_pronoun_quote_over_two_sentences_continues_the_speaker(rl: RuleLabeler) -> None:
    labels, evidence = run(rl, [
        "Een buurvrouw, die anoniem wil blijven, herkent zich in het rapport van de inspectie.",
        "\"Mijn dochter belde me elke avond vanuit de opvang.",
        "De directie stuurde ons alleen een standaardbrief\", zegt ze.",
    ])
    assert labels == [ACC, ACC, ACC]
    assert evidence[1] == evidence[2] == "nl_continues_previous"


def test_stray_quote_mark_makes_no_quote(rl: RuleLabeler) -> None:
    labels, _ = run(rl, [
        "Directeur Maes ontkent dat het bedrijf afval in de rivier heeft geloosd.",
        "De brug over de rivier is sinds januari dicht.",
        "\"De brug gaat in mei weer open.",
        "De provincie betaalt de herstelling.",
        "De gemeente vraagt een nieuwe offerte.",
        "Daarna volgt de aanbesteding.",
        "Het werk duurt drie maanden\", zegt de schepen.",
    ])
    assert labels[1:] == [NEU] * 6  # more parts than a quote takes: no quote


# ---------------------------------------------------------------------- same speaker


def test_a_party_that_denied_goes_on_with_its_side(rl: RuleLabeler) -> None:
    follow = "Marlowe Freight said the warehouse was a transit hub used for a few hours a day."
    assert rl.label([follow], ["en"])[0] == [NEU]
    labels, evidence = run(rl, [
        "Marlowe Freight denied that it had inflated its revenue.",
        "Pike Research said the company had misled investors about its debts.",
        follow,
        "Pike Research said the warehouse had stood empty for a year.",
    ], lang="en")
    assert labels == [DEN, ACC, DEN, ACC]
    assert evidence[2] == evidence[3] == "en_same_speaker"


def test_dutch_speaker_after_a_fronted_phrase(rl: RuleLabeler) -> None:
    labels, evidence = run(rl, [
        "Bakkerij Verbeke zegt dat ze nooit vervallen bloem heeft gebruikt.",
        "In een bericht aan haar klanten schrijft Verbeke dat de zakken in een andere "
        "winkel werden gefotografeerd.",
    ])
    assert labels == [DEN, DEN]
    assert evidence[1] == "nl_same_speaker"


def test_speaker_on_both_sides_or_a_pronoun_decides_nothing(rl: RuleLabeler) -> None:
    labels, _ = run(rl, [
        "Marlowe Freight denied that it had inflated its revenue.",
        "Ellis of Marlowe Freight said the audit had found nothing wrong.",
        "Ellis said the company had misled investors about its debts.",
        "The warehouse opened in 2019.",
        "Ellis said the warehouse was a transit hub.",
        "She said the hub opens at six.",
    ], lang="en")
    assert labels[4:] == [NEU, NEU]


def test_quote_speaker_speaks_for_every_part(rl: RuleLabeler) -> None:
    labels, evidence = run(rl, [
        "Prosecutor Dana Hale said the treasurer had stolen from the club for years.",
        "\"The books were a mess from the first season.",
        "Every cheque went through one man,\" Hale said.",
    ], lang="en")
    assert labels == [ACC, ACC, ACC]
    assert evidence[1] == evidence[2] == "en_same_speaker"


def test_speaker_pattern_without_who_group_names_the_file(tmp_path: Path) -> None:
    with_context(tmp_path, "nl", "speaker: ['zegt (\\\\w+)']\n")
    with pytest.raises(ValueError, match=r"context.nl\.yaml.*who"):
        RuleLabeler(lexicons=str(tmp_path))


def test_quote_about_them_needs_both_word_lists(tmp_path: Path) -> None:
    with_context(tmp_path, "nl", "third_person: ['\\bhij\\b']\n")
    with pytest.raises(ValueError, match=r"context.nl\.yaml.*'third_person' and 'first_person'"):
        RuleLabeler(lexicons=str(tmp_path))


def test_interview_answers_need_both_patterns(tmp_path: Path) -> None:
    """A context file with questions but no words that address someone would read no
    interview at all: it is refused with the file's name."""
    with_context(tmp_path, "en", "question: ['\\?$']\n")
    with pytest.raises(ValueError, match=r"context.en\.yaml.*'question' and 'addressed'"):
        RuleLabeler(lexicons=str(tmp_path))


# ---------------------------------------------------------------------- reported speech


@pytest.mark.parametrize(("lang", "side", "follow"), [
    ("en", "Corran Homes denied that it had overcharged its tenants.",
     "He said the service charge had been approved by the residents' board."),
    ("en", "Corran Homes denied that it had overcharged its tenants.",
     "\"The residents' board approved every line of that bill.\""),
    ("nl", "Zorgcentrum Ter Heide ontkent dat bewoners te weinig zorg kregen.",
     "Ze zegt dat er sinds maart een extra verpleegkundige in de nachtploeg werkt."),
    ("nl", "Een oud-medewerker beschuldigt Ter Heide ervan medicatie te laat te geven.",
     "Ze vertelt dat het om de nachtdienst van de tweede verdieping ging."),
    # "gaat het om" says what it is about, it announces nothing
    ("nl", "Corran Wonen ontkent dat het huurders te veel liet betalen.",
     "Volgens de directeur gaat het om een misverstand met de boekhouding."),
])
def test_reported_speech_goes_on_with_the_side_before_it(rl: RuleLabeler, lang: str,
                                                        side: str, follow: str) -> None:
    assert rl.label([follow], [lang])[0] == [NEU]  # no cue of its own
    labels, evidence = run(rl, [side, follow], lang=lang)
    assert labels[1] == labels[0] != NEU
    assert evidence[1] == f"{lang}_speech_continues"


def test_a_headline_stands_alone_but_prose_after_it_goes_on(rl: RuleLabeler) -> None:
    """Only the end of the sentence differs: with its full stop the same words are reported
    speech in a run of the side before it."""
    side = "Tenants accuse Corran Homes of overcharging them."
    told = "The bills doubled in two years, a tenant says"
    assert run(rl, [side, told], lang="en")[0] == [ACC, NEU]
    assert run(rl, [side, told + "."], lang="en")[0] == [ACC, ACC]


@pytest.mark.parametrize(("lang", "charge", "denial", "since"), [
    ("en", "Relatives accused the Larchfield home of leaving residents without care.",
     "The Larchfield home denied leaving residents without care.",
     "It said staffing on the ward has risen since the spring."),
    ("nl", "Familieleden beschuldigen woonzorgcentrum Larkveld van verwaarlozing.",
     "Woonzorgcentrum Larkveld ontkent dat bewoners verwaarloosd werden.",
     "Het zegt dat de bezetting in de nachtdienst sindsdien is gestegen."),
])
def test_what_happened_since_ends_a_charge_but_not_a_denial(rl: RuleLabeler, lang: str,
                                                           charge: str, denial: str,
                                                           since: str) -> None:
    """Session 14: reported speech telling what happened since goes on with no side after a
    charge; after a denial it is the defence's own account and goes on with it."""
    assert rl.label([since], [lang])[0] == [NEU]  # no cue of its own
    assert run(rl, [charge, since], lang=lang)[0] == [ACC, NEU]
    assert run(rl, [denial, since], lang=lang)[0] == [DEN, DEN]


def test_reported_speech_chains_until_a_plain_sentence(rl: RuleLabeler) -> None:
    labels, _ = run(rl, [
        "Corran Homes denied that it had overcharged its tenants.",
        "He said the service charge had been approved by the residents' board.",
        "The board met twice a year, he added.",
        "The estate has 412 flats.",
        "A spokesperson said the figures would be published in May.",
    ], lang="en")
    assert labels == [DEN, DEN, DEN, NEU, NEU]


@pytest.mark.parametrize(("lang", "side", "follow"), [
    # someone else, named, speaks next
    ("en", "Pike Research said Marlowe Freight had misled investors about its debts.",
     "Dana Ellis said the warehouse was a transit hub."),
    # the party the sentence before talks about answers it (it is no longer that voice)
    ("en", "Clear Water accused Harbour Logistics of dumping chemical waste.",
     "Harbour Logistics said the colour came from a farm upstream."),
    # not reported speech: a plain fact, a phrase in scare quotes, a rule book as source
    ("en", "Corran Homes denied that it had overcharged its tenants.",
     "The estate has 412 flats."),
    ("nl", "Zorgcentrum Ter Heide ontkent dat bewoners te weinig zorg kregen.",
     "Het centrum scoorde ‘goed’ op de laatste inspectie van 2021."),
    ("nl", "Zorgcentrum Ter Heide ontkent dat bewoners te weinig zorg kregen.",
     "Volgens de wet moet er 's nachts minstens één verpleegkundige zijn."),
    ("nl", "Corran Wonen ontkent dat het huurders te veel liet betalen.",
     "Volgens de Woningwet moeten de kosten vooraf worden gemeld."),
    ("en", "Tenants accuse Corran Homes of overcharging them.",
     "According to the tenancy act, landlords must publish their costs."),
    # an announcement is procedure
    ("nl", "Corran Wonen ontkent dat het huurders te veel liet betalen.",
     "Volgens de directeur gaat het bedrijf de kosten opnieuw berekenen."),
    # a headline (no full stop) on a page of headlines stands alone
    ("en", "Tenants accuse Corran Homes of overcharging them",
     "Bus fares to rise by 5p in spring, operator says"),
    ("nl", "Huurders beschuldigen Corran Wonen van te hoge kosten",
     "Bushalte aan het station verhuist, zegt De Lijn"),
])
def test_what_does_not_go_on_with_the_side(rl: RuleLabeler, lang: str, side: str,
                                           follow: str) -> None:
    labels, evidence = run(rl, [side, follow], lang=lang)
    assert labels[0] != NEU
    assert labels[1] == NEU and evidence[1] == ""


@pytest.mark.parametrize("quote", [
    "„Iedereen op de vloer wist het”, zegt hij.",
    "‘Aan de telefoon zeiden ze dat de levering gewoon doorging’, zegt ze.",
    "\"Nu neemt hij gewoon de telefoon niet meer op.\"",
])
def test_quote_about_them_is_an_accusation(rl: RuleLabeler, quote: str) -> None:
    before = "Het nieuwe distributiecentrum in Veendam telt vierhonderd werknemers."
    labels, evidence = run(rl, [before, quote])
    assert labels == [NEU, ACC]
    assert evidence[1] == "nl_quote_about_them"


@pytest.mark.parametrize("sentence", [
    # the speaker speaks of himself: the accused answering, or a victim (decided elsewhere)
    "„Ik heb hem nooit iets gevraagd, dat weet iedereen hier”, zegt hij.",
    "„Wij hebben ze elke maand betaald.”",
    # no quotation opens the sentence, or the quote tells about nobody
    "Hij zegt dat iedereen het wist.",
    "„De fabriek opent in maart”, zegt de woordvoerder.",
])
def test_what_is_no_quote_about_them(rl: RuleLabeler, sentence: str) -> None:
    labels, evidence = run(rl, ["Het distributiecentrum telt vierhonderd werknemers.", sentence])
    assert evidence[1] != "nl_quote_about_them"


def test_quote_about_them_yields_to_the_side_before_it(rl: RuleLabeler) -> None:
    labels, evidence = run(rl, [
        "Directeur Maes ontkent dat het bedrijf afval in de rivier heeft geloosd.",
        "„Die buren hebben het al jaren op hem gemunt en zoeken nu een schuldige.”",
    ])
    assert labels == [DEN, DEN]
    assert evidence[1] != "nl_quote_about_them"


def test_english_quote_about_them(rl: RuleLabeler) -> None:
    """Session 12: English has the word lists too; a quote in the first person stays neutral."""
    labels, evidence = run(rl, ["The depot employs 400 people.",
                                "\"Everyone on the floor knew it,\" he said."], lang="en")
    assert labels == [NEU, ACC] and evidence[1] == "en_quote_about_them"
    labels, _ = run(rl, ["The depot employs 400 people.",
                         "\"I start at six and finish at two,\" he said."], lang="en")
    assert labels == [NEU, NEU]


QUOTED_EN = ["Prosecutors accuse Harlow Roofing of taking deposits for work it never did.",
             "The firm denies the charges.",
             "Harlow was charged with fraud in March.",
             "The street is lined with terraced houses.",
             "“The roof was open to the rain for a month,” said a neighbour.",
             "“We were there on the Tuesday,” the owner said."]
QUOTED_NL = ["Het parket verdenkt aannemer Vos van oplichting.",
             "Vos ontkent elke fraude.",
             "Hij werd in maart in verdenking gesteld.",
             "De straat telt vooral rijhuizen.",
             "„Het dak lag een maand open voor de regen”, zegt een buurvrouw.",
             "„Wij waren er op dinsdag”, zegt de zaakvoerder."]


@pytest.mark.parametrize(("lang", "doc", "answer"), [("en", QUOTED_EN, ACC),
                                                     ("nl", QUOTED_NL, DEN)])
def test_a_quotation_in_a_conflict_is_a_party_speaking(rl: RuleLabeler, lang: str,
                                                       doc: list[str], answer: str) -> None:
    """In a document with three stance sentences, a quotation with no cue carries the charge.
    The next one, in the first person, answers it in Dutch; in English (``first_person_answers:
    false``, session 15) such a quotation is as often the accuser's, so the charge goes on.
    The plain line between stays neutral."""
    labels, evidence = run(rl, doc, lang)
    assert labels[3:] == [NEU, ACC, answer]
    assert evidence[4] == evidence[5] == f"{lang}_quoted_side"


def test_a_first_person_quotation_after_a_denial_answers_in_english_too(rl: RuleLabeler) -> None:
    """After a denial the first person is the accused going on, in either language."""
    doc = [*QUOTED_EN[:3], "The firm denied the charges again on Friday.",
           "“We were there on the Tuesday,” the owner said."]
    assert run(rl, doc, "en")[0][3:] == [DEN, DEN]


def test_a_context_flag_that_is_not_true_or_false_names_the_file(tmp_path: Path) -> None:
    with_context(tmp_path, "nl", "first_person_answers: 'nee'\n")
    with pytest.raises(ValueError, match=r"context.nl\.yaml: 'first_person_answers' must be"):
        RuleLabeler(lexicons=str(tmp_path))


def test_a_quotation_in_plain_news_stays_neutral(rl: RuleLabeler) -> None:
    """Too few stance sentences: the quotation may be anyone's, so it takes no side, and the
    same quotation in a conflict would."""
    quote = "“The roof was open to the rain for a month,” said a neighbour."
    plain, _ = run(rl, ["The mayor opened the new bridge on Monday.", quote], "en")
    assert plain == [NEU, NEU]
    conflict, _ = run(rl, [*QUOTED_EN[:4], quote], "en")
    assert conflict[-1] == ACC


def test_an_inquiry_going_on_does_not_carry_the_side_before(rl: RuleLabeler) -> None:
    """Reported speech that an inquiry is continuing, or that a party gave no further
    comment, takes no side from the accusation before it (session 13)."""
    labels, _ = run(rl, ["Prosecutors accuse Harlow Roofing of taking deposits for work it "
                         "never did.",
                         "The regulator said its investigation was continuing."], "en")
    assert labels == [ACC, NEU]
    labels, _ = run(rl, ["Prosecutors accuse Harlow Roofing of taking deposits for work it "
                         "never did.",
                         "The regulator said it had reviewed the file in March."], "en")
    assert labels == [ACC, ACC]  # plain reported speech still goes on with the side


@pytest.mark.parametrize(("lang", "charge", "plain", "voiced"), [
    ("nl", "De oppositie beschuldigt wethouder Brakel van belangenverstrengeling.",
     "Het college vergaderde dinsdag over de begroting.",
     "Volgens haar keurde Brakel de facturen van zijn zwager goed zonder dat er een tweede "
     "handtekening aan te pas kwam."),
    ("en", "Prosecutors say Dunmore Haulage falsified its tachograph records for three years.",
     "The hearing began on Tuesday at Carlow Circuit Court.",
     "She told the court drivers had been ordered to falsify their logbooks before every "
     "inspection."),
])
def test_a_pronoun_voice_after_a_charge_carries_it(rl: RuleLabeler, lang: str, charge: str,
                                                   plain: str, voiced: str) -> None:
    """Session 15: a pronoun's voice (volgens haar, she told the court) with a charge cue,
    read by the voice functions as the defence, is the accuser's right after a charge; after
    a plain sentence the voice still decides."""
    labels, evidence = run(rl, [charge, voiced], lang)
    assert labels == [ACC, ACC]
    assert evidence[1].startswith(f"{lang}_pronoun_voice;")
    assert run(rl, [plain, voiced], lang)[0] == [NEU, DEN]


def test_a_pronoun_voice_leaves_a_denial_cue_alone(rl: RuleLabeler) -> None:
    """Only a voice is overruled: the defence's own cue ("geen enkel bewijs") keeps the
    denial, and so does a voice named by role rather than a pronoun."""
    charge = "De oppositie beschuldigt wethouder Brakel van belangenverstrengeling."
    denial = ("Volgens hem is er geen enkel bewijs dat hij de facturen van zijn zwager heeft "
              "goedgekeurd.")
    lawyer = ("Volgens zijn advocaat keurde Brakel de facturen goed zonder dat er een tweede "
              "handtekening aan te pas kwam.")
    assert run(rl, [charge, denial])[0] == [ACC, DEN]
    assert run(rl, [charge, lawyer])[0] == [ACC, DEN]


def test_a_matter_still_being_looked_at_takes_no_side(rl: RuleLabeler) -> None:
    """Session 15: reported speech that the matter is ongoing or being reviewed, or that
    nobody could be reached, takes no side from the sentence before it."""
    charge = "Prosecutors accuse Harlow Roofing of taking deposits for work it never did."
    for said in ("The council said the matter was ongoing.",
                 "Trading Standards said it was reviewing the complaints.",
                 "A man at the depot said nobody was available.",
                 "The council said it may ask for the records.",
                 "A neighbour said the roofer no longer works on the estate."):
        assert run(rl, [charge, said], "en")[0] == [ACC, NEU], said
    assert run(rl, [charge, "The council said the deposits were never returned."],
               "en")[0] == [ACC, ACC]


@pytest.mark.parametrize(("lang", "doc"), [
    ("nl", ["Het parket verdenkt aannemer Vos van oplichting.",
            "Lees ook: Buren van de werf: „We hoorden elke nacht de vrachtwagens”"]),
    ("en", ["Prosecutors accuse Harlow Roofing of taking deposits for work it never did.",
            "Read more: Neighbours say “the lorries came every night”"]),
])
def test_a_read_more_line_takes_no_side_from_its_page(rl: RuleLabeler, lang: str,
                                                      doc: list[str]) -> None:
    """Session 15: a "Lees ook" / "Read more" line is another story's headline; with a
    quotation and no cue it stays neutral after a charge, marked as furniture."""
    labels, evidence = run(rl, doc, lang)
    assert labels == [ACC, NEU]
    assert evidence[1] == f"{lang}_furniture"
    body = doc[1].split(": ", 1)[1] + "."  # the same quotation as a line of prose goes on
    assert run(rl, [doc[0], body], lang)[0] == [ACC, ACC]


def test_a_quotation_that_announces_takes_no_side_in_dutch(rl: RuleLabeler) -> None:
    """Session 15 (``quoted_announcement: true`` in nl): in a conflict, a quotation that says
    what will happen carries no charge in Dutch; the same shape in English still does."""
    said = "„De gemeente zal alle facturen opnieuw laten controleren”, zegt een raadslid."
    labels, _ = run(rl, [*QUOTED_NL[:4], said])
    assert labels[-1] == NEU
    plain = "„De gemeente heeft alle facturen laten controleren”, zegt een raadslid."
    assert run(rl, [*QUOTED_NL[:4], plain])[0][-1] == ACC
    english = "“The council will check every invoice again,” a councillor said."
    assert run(rl, [*QUOTED_EN[:4], english], "en")[0][-1] == ACC


def test_a_watchdog_following_the_matter_takes_no_side(rl: RuleLabeler) -> None:
    """Session 15: reported speech that a body follows the matter closely, says nothing
    about it, takes the criticism seriously or cooperates fully goes on with no side after a
    charge."""
    charge = "Het parket verdenkt aannemer Vos van oplichting."
    for said in ("De toezichthouder laat weten de situatie ‘nauwlettend te volgen’.",
                 "Het parket bevestigt de klacht, maar doet verder geen uitspraken.",
                 "De bestuurder zegt de kritiek ‘zeer serieus’ te nemen.",
                 "Het bedrijf laat weten volledig mee te werken aan het onderzoek."):
        assert run(rl, [charge, said])[0] == [ACC, NEU], said


@pytest.mark.parametrize(("lang", "charge", "view"), [
    ("en", "Prosecutors accuse Harlow Roofing of taking deposits for work it never did.",
     "Analysts at broker Kestrel Capital said the report raised questions the board must answer."),
    ("nl", "Het parket verdenkt aannemer Vos van oplichting.",
     "Analist Mieke Dams van zakenbank Lindberg noemt de zaak ‘vervelend, maar niet fataal’."),
])
def test_a_market_analysts_view_carries_no_charge(rl: RuleLabeler, lang: str, charge: str,
                                                  view: str) -> None:
    """Session 15 (``commentator``): what an analyst says after a charge goes on with no
    side; the same sentence by a party's own director would."""
    assert run(rl, [charge, view], lang)[0] == [ACC, NEU]
    assert run(rl, [charge, view.replace("Analysts at broker", "Directors at")
                     .replace("Analist", "Directeur")], lang)[0] == [ACC, ACC]


INTERVIEW_EN = [
    "Mayor Dale Hoskins denies steering the paving contract to his cousin.",
    "Q: The auditor says you approved the contract without a tender. Did you?",
    "No, I did nothing wrong.",
    "The procurement office ran the whole thing.",
    "Why did your cousin's firm win it?",
    "It was the cheapest of the three bids by a long way.",
    "Would you do anything differently?",
    "I would ask for the minutes to be published sooner.",
]


def test_an_interviews_uncued_answers_take_the_interviewees_denial(rl: RuleLabeler) -> None:
    """Session 16 (``labelers/interviews.py``): in a Q&A interview whose cued answers deny,
    the answers with no cue are the interviewee's denials; the questions stay as they are."""
    labels, evidence = run(rl, INTERVIEW_EN, "en")
    for k in (3, 5, 7):
        assert (labels[k], evidence[k]) == (DEN, "en_interview_answer"), INTERVIEW_EN[k]
    assert labels[4] == labels[6] == NEU


def test_questions_asked_of_nobody_make_no_interview(rl: RuleLabeler) -> None:
    """An explainer's questions address nobody ("Did the mayor approve it?"): its uncued
    sentences keep no side."""
    explainer = [t.replace("you approved", "the mayor approved").replace("Did you?", "Did he?")
                 .replace("your cousin's", "the cousin's").replace("Would you", "Would anyone")
                 for t in INTERVIEW_EN]
    labels, _ = run(rl, explainer, "en")
    assert [labels[k] for k in (3, 5, 7)] == [NEU, NEU, NEU]


def test_an_interview_with_an_accuser_is_left_alone(rl: RuleLabeler) -> None:
    """When the cued answers charge as often as they deny (a whistleblower's interview), the
    uncued answers stay neutral."""
    accuser = [*INTERVIEW_EN[:2], "Yes, and the auditor accused him of fraud.",
               *INTERVIEW_EN[3:]]
    labels, _ = run(rl, accuser, "en")
    assert [labels[k] for k in (3, 5, 7)] == [NEU, NEU, NEU]


def test_a_dutch_interview_reads_u_and_v_labels(rl: RuleLabeler) -> None:
    """Dutch interviews address the interviewee with "u" and may label a question "V:"; an
    initial "V." is no question label."""
    interview = ["Wethouder Mol ontkent dat hij zijn neef heeft bevoordeeld.",
                 "V: De accountant zegt dat u de opdracht zonder offerte gunde.",
                 "Dat is niet waar, ik heb niets verkeerd gedaan.",
                 "De inkoopafdeling deed de hele procedure.",
                 "Waarom won het bedrijf van uw neef dan?",
                 "Het was veruit de goedkoopste van de drie.",
                 "Wat gaat u nu doen?",
                 "Ik wacht het verslag van de raad af."]
    labels, evidence = run(rl, interview)
    assert [labels[k] for k in (3, 5)] == [DEN, DEN]
    assert evidence[3] == "nl_interview_answer"


# ------------------------------------------------------------------- context_first functions

SPOKESWOMAN = ("“The inspection report does not reflect the care our staff give every day,” a "
               "spokeswoman for Elmfield Care said.")
FAILURE = ("She said Elmfield Care's failure to log two falls was an administrative slip by an "
           "agency nurse.")


def test_a_context_first_cue_alone_lets_the_context_decide_first(rl: RuleLabeler) -> None:
    """en_evaluative is context_first: after the defence speaks, the sentence whose only cue
    is "failure" goes on with the defence; with no side around it, its own vote stands."""
    assert rl.label_one(FAILURE, "en") == (ACC, ["en_evaluative"])
    labels, evidence = run(rl, [SPOKESWOMAN, FAILURE], "en")
    assert labels == [DEN, DEN] and evidence[1] == "en_speech_continues"
    assert run(rl, [FAILURE], "en") == ([ACC], ["en_evaluative"])
    assert run(rl, ["Elmfield Care opened a new wing in March.", FAILURE], "en") \
        == ([NEU, ACC], ["", "en_evaluative"])


def test_a_context_first_function_decides_only_when_nothing_else_fired(tmp_path: Path) -> None:
    """Beside another function it stands aside even from a higher tier (and its name comes
    last in the evidence); without the flag the higher tier decides as always."""
    lexicon = ("functions:\n"
               "  broad:\n    tier: accusation\n    context_first: true\n"
               "    patterns: ['\\bsloppy\\b']\n"
               "  account:\n    tier: denial_weak\n    patterns: ['\\bcaused by\\b']\n")
    (tmp_path / "xx.yaml").write_text(lexicon, encoding="utf-8")
    flagged = RuleLabeler(lexicons=str(tmp_path), default_lang="xx")
    text = "The leak was caused by a sloppy weld."
    assert flagged.label_one(text) == (DEN, ["account", "broad"])
    assert flagged.label_one("A sloppy weld.") == (ACC, ["broad"])
    (tmp_path / "xx.yaml").write_text(lexicon.replace("    context_first: true\n", ""),
                                      encoding="utf-8")
    assert RuleLabeler(lexicons=str(tmp_path), default_lang="xx").label_one(text) \
        == (ACC, ["broad", "account"])
