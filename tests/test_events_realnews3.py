"""Event rules of the seventh real-news round (issue #13): selectional restrictions on frames.

Each test pins one general error class named in the seed-73 notes: a compelling verb whose causer is
a thing or a condition, not an actor; "reduced to" a state read as a cut; a projectile fired into
the sea read as an attack; a kept promise coded as the promise instead of the act.  The sentences
are fictional and written here; the events extractor runs alone on a hand-built Analysis.
"""

from __future__ import annotations

import pytest
from _event_runs import run, texpr

from newsgraph import nlp
from newsgraph.model import Event


@pytest.fixture(scope="module")
def parse():
    return nlp.load()






def types(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in events]


def test_a_condition_compels_no_one(parse):
    ev = run(parse, "A sudden storm forced the mayor of Varnholt to cancel the harbour festival.")
    assert not [e for e in ev if e.type == "COERCE"], types(ev)
    ev = run(parse, "His illness forced Senator Ilse Marrow to leave the ceremony early.")
    assert not [e for e in ev if e.type == "COERCE"], types(ev)


def test_actors_still_compel(parse):
    ev = run(parse, "Rebels forced the villagers of Oskar Vale to leave their homes.")
    assert [e for e in ev if e.type == "COERCE"], types(ev)


def test_reduced_to_a_state_is_no_cut(parse):
    ev = run(parse, "The old guard have been reduced to rubble, the senator from Tallow said.")
    assert not [e for e in ev if "reduced" in e.trigger.text], types(ev)
    ev = run(parse, "The ministry of Tallow reduced aid to 5 million dollars.")
    assert [e for e in ev if "reduced" in e.trigger.text], types(ev)


def test_missiles_fired_into_the_sea_are_no_attack(parse):
    ev = run(parse, "Norland fired two missiles into the sea on Monday.")
    assert not [e for e in ev if e.type == "ASSAULT"], types(ev)
    ev = run(parse, "Norland fired two missiles at a patrol boat on Monday.")
    assert [e for e in ev if e.type == "ASSAULT"], types(ev)


def test_a_kept_promise_is_the_act_not_an_agreement(parse):
    ev = run(parse, "The kidnappers kept their promise to kill the hostage.")
    assert not [e for e in ev if e.type == "AGREE"], types(ev)
    assert [e for e in ev if e.type == "ASSAULT" and e.recipient is not None], types(ev)


def test_a_possible_act_is_not_dated_by_the_warning_about_it(parse):
    text = "Air strikes against Norland could do serious harm to the talks, Ostravia warned on Thursday."
    ev = run(parse, text, (texpr(text, "Thursday", "2024-03-07"),))
    strikes = [e for e in ev if e.type == "ASSAULT"]
    assert strikes and strikes[0].status == "hypothetical" and strikes[0].date is None, ev
    text = "Norland may bomb the port on Monday, officials said."
    ev = run(parse, text, (texpr(text, "Monday", "2024-03-11"),))
    bomb = [e for e in ev if e.type == "ASSAULT"]
    assert bomb and bomb[0].date == "2024-03-11", ev


def test_a_prefixed_irregular_past_finds_its_verb(parse):
    ev = run(parse, "Rebels retook the town of Amberly after a week.")
    assert [e for e in ev if e.type == "ASSAULT" and e.mode == "occupy"], types(ev)
    ev = run(parse, "Government troops overran the rebel camp near Amberly.")
    assert [e for e in ev if e.type == "ASSAULT"], types(ev)


def test_a_dateline_is_not_part_of_the_actor(parse):
    """ "VARNHOLT - Harbour ministers gathered …": the parse takes the dateline into the subject's
    phrase; the participant starts after it (a seed-89 and seed-101 error class)."""
    ev = run(parse, "VARNHOLT - Harbour ministers gathered on Friday to discuss the ferry strike.")
    meet = [e for e in ev if e.type == "CONSULT"]
    assert meet and meet[0].actor is not None and meet[0].actor.text == "Harbour ministers", types(ev)


def test_representatives_of_two_parties_meet_each_other(parse):
    """ "Representatives of X and Y began talks": the second party of the coordinated "of" phrase
    is the counterpart of a symmetric act (a seed-89 and seed-101 error class)."""
    ev = run(parse, "Late last week, representatives of the Velm Ferry Company and the Orla Dockers Union "
                    "began negotiations about the new rosters.")
    talks = [e for e in ev if e.type == "CONSULT"]
    assert talks, types(ev)
    assert talks[0].actor is not None and "Velm Ferry Company" in talks[0].actor.text
    assert talks[0].recipient is not None and "Orla Dockers Union" in talks[0].recipient.text


def test_hosting_a_game_is_no_meeting(parse):
    """A team that hosts another "for a football game" is a fixture, not CONSULT (seed 89 and 101);
    a government hosting a delegation for talks still is."""
    ev = run(parse, "On Sunday the Velm Harriers are set to host the Orla Rovers for a football game in the city.")
    assert not [e for e in ev if e.type == "CONSULT"], types(ev)
    ev = run(parse, "The government of Freedonia will host a delegation from Sylvania for talks on Sunday.")
    assert [e for e in ev if e.type == "CONSULT"], types(ev)


def test_sheltering_profits_is_no_aid(parse):
    """ "Shelter" is humanitarian aid when someone is sheltered, not profits sheltered from tax
    (seed 101)."""
    ev = run(parse, "A study shows how large firms have managed to shelter billions of dollars in profits offshore.")
    assert not [e for e in ev if e.type == "AID"], types(ev)
    ev = run(parse, "The church in Oskar Vale sheltered 300 refugees.")
    assert [e for e in ev if e.type == "AID"], types(ev)
