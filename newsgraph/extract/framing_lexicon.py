"""Word lists for the framing extractor, written for newsgraph from general knowledge of
persuasive and propagandistic news writing (tabloid, partisan and state-media registers).

Nothing here is derived from any evaluation corpus: the lists name words whose *dictionary*
meaning carries a judgement (a neutral reporter would pick a plainer word), grouped by the
SemEval-2020 task 11 technique they usually realise.  Entries are lower-case lemmas (single
tokens) or lower-case phrases (matched token by token); a ``*`` suffix marks a prefix entry.
Every flag the extractor raises names the list and the entry that fired, so a reader can
check and argue with it.
"""

from __future__ import annotations

from .. import lexicons


def _words(block: str) -> frozenset[str]:
    # entries are comma-separated; a line break inside an entry is just a space
    return frozenset(" ".join(w.split()).lower() for w in block.split(",") if w.strip())


# Neutral verbs of saying and attribution: never flagged, whatever a sentiment lexicon says.
REPORTING_VERBS = lexicons.words("reporting_verbs", "neutral")

# Words a sentiment lexicon scores strongly that are plain news vocabulary in reporting
# (events, crimes, conflicts described neutrally).  Used to keep runtime sentiment lexicons honest.
NEWS_NEUTRAL = _words(
    """
    kill, killed, death, dead, die, war, attack, crime, criminal, arrest, prison, jail, victim, injure,
    injured, wound, wounded, accident, shoot, shooting, bomb, bombing, fire, fight, conflict, crisis,
    problem, issue, concern, risk, threat, danger, dangerous, illegal, lawsuit, charge, charged, guilty,
    court, police, military, weapon, gun, troop, soldier, sanction, protest, protester, strike,
    violence, violent, abuse, fraud, steal, robbery, suspect, accuse, accused, deny, denied, reject,
    oppose, opposition, lose, loss, fail, failure, cancer, disease, poverty, debt, unemployment, hurt,
    pain, sad, worry, worried, fear, afraid, cut, low, bad, wrong, good, well, like, love, hope,
    support, help, win, best, better, great, important, free, freedom, safe, safety, protect, security,
    peace, agree, agreement, yes, no, please, thank, thanks, ok, okay, care, true, truth, trust, honest,
    legal, justice, rights, right, interest, benefit
    """
)

# Loaded_Language: judgement-laden adjectives and adverbs (the core of the technique).
LOADED_ADJ = _words(
    """
    horrific, horrible, horrendous, terrible, awful, atrocious, appalling, abhorrent, abominable,
    disgusting, despicable, deplorable, vile, heinous, monstrous, evil, wicked, sinister, nefarious,
    outrageous, shameful, shameless, disgraceful, scandalous, shocking, repugnant, reprehensible,
    barbaric, barbarous, brutal, savage, ruthless, vicious, murderous, bloodthirsty, genocidal,
    tyrannical, draconian, oppressive, crooked, rotten, sleazy, treacherous, deceitful, fraudulent,
    bogus, phony, phoney, sham, ridiculous, absurd, ludicrous, preposterous, laughable, pathetic,
    idiotic, stupid, moronic, insane, crazy, deranged, hysterical, unhinged, delusional, incompetent,
    inept, feckless, spineless, cowardly, gutless, arrogant, smug, hypocritical, sanctimonious,
    self-righteous, pompous, fanatical, rabid, toxic, reckless, catastrophic, disastrous, devastating,
    dreadful, tragic, gruesome, ghastly, grisly, sickening, nauseating, insidious, shady, shadowy,
    notorious, infamous, diabolical, demonic, satanic, apocalyptic, hellish, nightmarish, chilling,
    terrifying, horrifying, staggering, stunning, astonishing, unbelievable, incredible, fantastic,
    tremendous, magnificent, glorious, heroic, courageous, valiant, noble, righteous, legendary,
    blatant, flagrant, egregious, brazen, unconscionable, unforgivable, inexcusable, despotic, wretched,
    twisted, perverted, depraved, degenerate, filthy, slimy, nasty, mean-spirited, hateful, vitriolic,
    venomous, virulent, scathing, frantic, hapless, clueless, misguided, deluded, gullible,
    disingenuous, mendacious, duplicitous, two-faced, cynical, petty, vindictive, malicious, sadistic,
    cruel, inhumane, illegitimate, lawless, thuggish, mindless, senseless, futile, worthless, useless,
    humiliating, disgraced, discredited, brainwashed, crazed, outlandish, damning, explosive, bombshell,
    dystopian, orwellian, totalitarian, authoritarian, fascistic, fearmongering, fear-mongering,
    xenophobic, islamophobic, homophobic, misogynistic, sexist, belligerent, bellicose, warmongering,
    neocolonial, predatory, rapacious, greedy, dishonest, deceptive, manipulative, sneaky, cunning,
    dastardly, villainous, callous, heartless, ungodly, unholy, godless, immoral, amoral, obscene,
    grotesque, hideous, repulsive, revolting, loathsome, odious, contemptible, pitiful, miserable,
    lousy, shoddy, half-baked, ill-conceived, hare-brained, harebrained, dimwitted, brainless, ignorant,
    foolish, silly, nonsensical, baseless, groundless, spurious, specious, dubious, fishy, gleeful,
    triumphant, bloody, cold-blooded, merciless, relentless, unrelenting, ferocious, fierce, furious,
    irate, livid, enraged, outraged, paranoid, doomed, dire, grim, bleak, sordid, seedy, lurid, tawdry,
    scandal-plagued, scandal-ridden, embattled, beleaguered, woeful, abysmal, dismal, ruinous, vengeful,
    spiteful, malevolent, malignant, noxious, pernicious, destructive, subversive, seditious,
    treasonous, traitorous, unpatriotic, decrepit, senile, demented, psychotic, maniacal, frenzied,
    feverish, manic, shrill, strident, snide, smarmy, slick, oily, weaselly, weasel, craven, abject,
    servile, obsequious, fawning, sycophantic, grovelling, groveling, bombastic, grandiose,
    megalomaniacal, narcissistic, vain, condescending, patronizing, patronising, elitist, snobbish,
    out-of-touch, tone-deaf, clownish, farcical, absurdist, bizarre, weird, creepy, sick, vulgar, crude,
    lewd, dirty, foul, putrid, rancid, venal, mercenary, unscrupulous, conniving, scheming, devious,
    crafty, perfidious, faithless, godforsaken, accursed, damned, damnable, infernal, bloodstained,
    blood-soaked, war-mongering, trigger-happy, jingoistic, chauvinistic, fanatic, dogmatic, hidebound,
    backward, primitive, medieval, uncivilized, barbarian, heartbreaking, harrowing, agonizing,
    excruciating, unbearable, intolerable, insufferable, obnoxious, insulting, sensational,
    sensationalist, alarmist, outrageously, amazing, awesome, brilliant, wonderful, marvelous,
    marvellous, spectacular, extraordinary, phenomenal, superb, stellar, sublime, splendid,
    breathtaking, miraculous, hallowed, saintly, angelic, helpless, defenseless, defenceless, beloved,
    cherished, precious, proud, fearless, gallant, dauntless, steadfast, unwavering, indomitable,
    invincible, mighty, staunch, tireless, selfless, patriotic, honorable, honourable, virtuous,
    upright, decent, dignified, jaw-dropping, mind-boggling, eye-popping, eye-watering, whopping,
    massive, enormous, gigantic, colossal, huge, mammoth, gargantuan, titanic, stupendous, ominous,
    menacing, frightening, scary, alarming, disturbing, troubling, worrying, distressing, baleful,
    benighted, blinkered, boorish, brash, callow, churlish, contemptuous, corrosive, crass, cretinous,
    cringeworthy, cringe-worthy, debased, debauched, defamatory, degrading, dishonorable, dishonourable,
    disreputable, distasteful, divisive, dodgy, execrable, fatuous, fiendish, flimsy, frivolous,
    ghoulish, gratuitous, grubby, ham-fisted, heavy-handed, horrid, ignoble, ill-advised, illiberal,
    imbecilic, immature, incendiary, incoherent, inane, indefensible, inflammatory, insipid, intolerant,
    irrational, irresponsible, juvenile, kooky, lame, loony, lunatic, maddening, meddlesome, negligent,
    nutty, oafish, obtuse, overblown, paltry, petulant, pigheaded, pointless, pretentious, puerile,
    pugnacious, repellent, repressive, risible, scurrilous, self-serving, shabby, slanderous, slipshod,
    sloppy, sneering, squalid, subservient, unbalanced, uncouth, unethical, unfit, unjust, unspeakable,
    unsavory, unsavoury, untrustworthy, vacuous, wasteful, wrongheaded, hellbent, hell-bent, obsessed,
    obsessive, rigged, murky, hatred-filled, hate-filled, racist, bigoted, aggressive, genius,
    visionary, terrorizing, bloodcurdling, spine-chilling, heart-wrenching, gut-wrenching,
    soul-crushing, earth-shattering, mind-blowing, cataclysmic, calamitous, insurmountable, irreparable,
    abusive, addled, anarchic, apoplectic, asinine, audacious, bankrupt, barmy, batty, beastly,
    befuddled, berserk, bewildering, blasphemous, bloated, bonkers, bumbling, bungling, cancerous,
    chaotic, cheesy, clumsy, conspiratorial, corroded, cowering, crippling, crushing, cultish,
    cutthroat, deadbeat, devilish, disloyal, dismissive, disrespectful, dizzying, doddering, dumb,
    dunderheaded, embarrassing, evil-minded, exasperating, exploitative, extremist, fascist, feeble,
    fiery, flailing, fraught, freakish, frightful, fuming, galling, gaudy, godawful, goofy, gory,
    haughty, high-handed, histrionic, hostile, hubristic, hyperbolic, ill-informed, illogical, impudent,
    indecent, infuriating, inglorious, insolent, irredeemable, jaded, kafkaesque, lackluster,
    lacklustre, mad, malign, meddling, miserly, mortifying, muddled, nauseous, neurotic, overbearing,
    panicky, parasitic, perverse, pitiless, poisonous, quixotic, rampant, ravenous, reactionary,
    rebellious, rude, self-absorbed, self-aggrandizing, shambolic, slavish, sly, stingy, stubborn,
    stunted, sullen, tainted, tasteless, thankless, thoughtless, timid, toothless, tragicomic, ugly,
    uncivil, undemocratic, unelected, unfounded, unprincipled, unqualified, unruly, unthinkable,
    unwarranted, vainglorious, vapid, voracious, warped, wayward, weak-kneed, whiny, wishy-washy,
    witless, woke, wrathful, zealous
    """
)

LOADED_ADV = _words(
    """
    shamelessly, brazenly, blatantly, flagrantly, desperately, viciously, brutally, ruthlessly,
    savagely, callously, cynically, deceitfully, dishonestly, recklessly, wildly, insanely,
    ridiculously, absurdly, outrageously, shockingly, horribly, terribly, disgracefully, pathetically,
    stupidly, arrogantly, hypocritically, gleefully, mercilessly, relentlessly, cruelly, maliciously,
    sneakily, conveniently, miserably, woefully, laughably, painfully, egregiously, grotesquely,
    obscenely, hysterically, frantically, fanatically, boldly, defiantly, furiously, angrily, bitterly,
    fiercely, wantonly, heartlessly, coldly, mindlessly, blindly, slavishly, cravenly, cowardly,
    treacherously, deceptively, misleadingly, falsely, wrongly, unfairly, unjustly, disgustingly,
    appallingly, alarmingly, dangerously, tragically, shamefully, astonishingly, amazingly, incredibly,
    unbelievably, remarkably, stunningly, staggeringly, spectacularly, magnificently, gloriously,
    heroically, bravely, courageously, proudly, triumphantly, miraculously, eerily, ominously,
    suspiciously, ironically, horrifically, knowingly, willfully, wilfully, obsessively, rabidly,
    feverishly, ludicrously, grossly, massively, enormously, vastly, drastically, dramatically,
    deviously
    """
)

# Second halves of hyphenated compounds that make an evaluative epithet ("power-hungry",
# "crime-infested", "Trump-hating"): productive patterns, so matched by suffix.
LOADED_COMPOUND_TAILS = _words(
    """
    hating, hater, haters, loving, obsessed, crazed, mongering, monger, mongers, infested, ridden,
    hungry, soaked, toting, baiting, bashing, worshipping, worshiping, happy, deranged, addled, brained,
    faced, tongued, fisted, hearted, mouthed, phobic, sucking, licking, kissing
    """
)

# Interjections: emotive outbursts in the writer's voice ("Wow!").
INTERJECTIONS = _words(
    """
    wow, yikes, alas, ugh, geez, jeez, gosh, egad, whoa, duh, ouch, yuck, oops, hah, bah, pfft, lol,
    omg, wtf, damn, dammit, hell, heck, boo, hooray, hurrah, shame, disgraceful, unbelievable
    """
)

# Intensifiers taken into a loaded phrase when they precede the loaded word.
INTENSIFIERS = _words(
    """
    very, so, too, extremely, utterly, totally, completely, absolutely, truly, really, particularly,
    especially, incredibly, deeply, highly, hugely, most, more, rather, quite, downright, outright,
    thoroughly, profoundly, terribly, horribly, desperately, increasingly, ever, perpetually,
    constantly, notoriously, openly, blatantly, criminally
    """
)

LOADED_VERB = _words(
    """
    slam, blast, lambaste, bash, rip, smear, trash, savage, eviscerate, decimate, annihilate,
    obliterate, butcher, ravage, pillage, terrorize, terrorise, brainwash, indoctrinate, crush, wreak,
    unleash, spew, rant, rave, whine, shriek, howl, gloat, boast, brag, peddle, parrot, hijack,
    sabotage, meddle, whitewash, demonize, demonise, vilify, weaponize, weaponise, infest, swarm,
    grovel, cower, kowtow, bully, trample, shred, gut, ratchet, skyrocket, plummet, plunge, soar,
    explode, erupt, devastate, ruin, wreck, poison, pollute, infiltrate, incite, stoke, fuel, inflame,
    enrage, outrage, horrify, terrify, cripple, strangle, choke, muzzle, gag, enslave, subjugate,
    humiliate, mock, ridicule, sneer, scoff, deride, bemoan, bewail, lament, fume, seethe, squirm,
    scramble, panic, backpedal, flip-flop, cave, capitulate, stonewall, fabricate, concoct, hoodwink,
    dupe, swindle, lash, berate, scold, rebuke, chastise, castigate, excoriate, malign, slander, libel,
    badmouth, harangue, hector, rail, implode, crater, torpedo, flounder, bungle, botch, blunder,
    fumble, squander, hoard, gobble, devour, prey, lurk, scheme, connive, slither, commandeer, pander,
    fawn, gush, swoon, drool, salivate, glorify, lionize, idolize, caricature, lampoon, belittle, jeer,
    taunt, troll, hammer, pummel, batter, lambast, skewer, roast, torch, demolish, paralyze, paralyse,
    suffocate, smother, stifle, bulldoze, steamroll, railroad, browbeat, fleece, gouge, bamboozle,
    gaslight, distort, sugarcoat, regurgitate, vomit, spout, blather, babble, screech, squeal, whimper,
    bleat, scurry, slink, wriggle, derail, eradicate, exterminate, maim, mutilate, maul, gorge, guzzle,
    splurge, smirk, crow, swagger, strut, preen, grandstand, pontificate, moralize, moralise, sermonize,
    nag, scapegoat, besmirch, defame, disparage, denigrate, snap, ignite, rig, ambush, assail, backstab,
    befoul, bellow, besiege, bludgeon, bombard, brandish, clobber, coddle, collude, crucify, cudgel,
    debase, defile, degrade, desecrate, despoil, dismember, emasculate, fester, flail, flaunt, foment,
    hound, incinerate, infuriate, insult, lynch, mangle, menace, pervert, pillory, plague, prostitute,
    pulverize, ransack, scam, scorn, shackle, shatter, smash, snarl, snipe, stampede, stigmatize, stomp,
    subvert, tarnish, thrash, torment, usurp, vandalize, vanquish, wallow
    """
)

LOADED_NOUN = _words(
    """
    tragedy, atrocity, atrocities, catastrophe, disaster, carnage, bloodbath, horror, nightmare, hell,
    chaos, mayhem, havoc, fiasco, debacle, farce, travesty, sham, hoax, scam, lies, hypocrisy, tyranny,
    smear, meltdown, hysteria, frenzy, outrage, disgrace, shame, shenanigans, nonsense, garbage,
    rubbish, junk, crap, drivel, onslaught, brutality, savagery, barbarism, barbarity, cruelty, crusade,
    menace, scourge, poison, filth, stench, abomination, fearmongering, fear-mongering, warmongering,
    demagoguery, witch-hunt, witchhunt, whitewash, hogwash, balderdash, baloney, claptrap, lunacy,
    insanity, madness, idiocy, stupidity, incompetence, cowardice, treachery, betrayal, deceit,
    deception, duplicity, charade, circus, spectacle, tantrum, rant, diatribe, tirade, screed, harangue,
    vendetta, rampage, orgy, inferno, apocalypse, armageddon, doom, bombshell, crony, slush,
    racket, swamp, cesspool, quagmire, debauchery, decadence, depravity, degeneracy, perversion, muck,
    sleaze, stooge, puppet, shill, lackey, henchman, minion, thug, outrageousness, absurdity, folly,
    blunder, bungle, gaffe, faux pas, embarrassment, humiliation, ignominy, infamy, villainy, evil,
    evils, wickedness, malice, spite, venom, vitriol, rancor, rancour, bile, fury, rage, wrath, panic,
    paranoia, delusion, fantasy, fairy tale, fairytale, myth, lie, falsehood, falsehoods, fabrication,
    fabrications, distortion, misinformation, disinformation, fake, fakery, canard, slur, libel,
    slander, innuendo, gibberish, babble, blather, bluster, bombast, hot air, ploy, stunt, gimmick,
    ruse, trick, trickery, shakedown, heist, power land boondoggle, gravy train, giveaway, devil, demon,
    beast, monster, horde, hordes, rabble, peril, butchery, bloodletting, killing spree, stranglehold,
    chokehold, clutches, yoke, shackles, bondage, serfdom, gulag, dungeon, hellhole, wasteland, death
    trap, time bomb, tinderbox, powder keg, firestorm, whirlwind, tsunami, avalanche, deluge, torrent,
    contagion, rot, decay, hero, heroes, heroism, valor, valour, glory, triumph, miracle, godsend,
    savior, saviour, martyrs, agony, anguish, despair, heartbreak, misery, disgust, revulsion, contempt,
    scorn, disdain, indignation, obsession, mania, craze, bloodlust, sadism, buffoonery, tomfoolery,
    antics, skulduggery, skullduggery, chicanery, subterfuge, double-dealing, backstabbing, sellout,
    capitulation, appeasement, calamity, cataclysm, trainwreck, train wreck, dumpster fire, mess,
    morass, cesspit, sewer, implosion, freefall, death spiral, downward spiral, hellscape, dystopia,
    despotism, totalitarianism, servitude, domination, indoctrination, brainwashing, inquisition,
    barrage, infestation, toxin, hatred, fanaticism, extremism, radicalism, war on, assault on, blight,
    ruination, arrogance, audacity, blasphemy, buffoon, charlatanry, degradation, desecration,
    dishonesty, fraudulence, greed, heresy, ignorance, indecency, insolence, mockery, obscenity,
    oppression, perfidy, pillage, plunder, ravage, scandal-mongering, shambles, squalor, subversion,
    thuggery, vengeance, vileness, zealotry
    """
)

# Second batch (newsgraph v2 of the extractor), same provenance: words of judgement, contempt,
# mockery and emotional pressure a neutral reporter would replace with a plainer word; disease,
# war and decay metaphors applied to people and institutions; intensity words ("sheer", "utter").
LOADED_ADJ = LOADED_ADJ | _words(
    """
    acerbic, acrimonious, animalistic, avaricious, bestial, blistering, blundering, botched, brutish,
    bullheaded, bullying, caustic, chauvinist, closed-minded, conceited, corrupting, credulous,
    cringe-inducing, decadent, dehumanizing, dehumanising, demeaning, detestable, dictatorial,
    dramatic, dumbfounding, eerie, embittered, exorbitant, extortionate, far-fetched, fanciful, festering,
    foolhardy, fossilized, gangrenous, grasping, grave, grievous, harsh, hawkish, hellacious,
    holier-than-thou, hollow, hopeless, humongous, ignominious, impotent, incessant, incorrigible, inhuman,
    insatiable, interminable, intransigent, iron-fisted, jarring, lamentable, lily-livered, macabre,
    meaningless, militaristic, money-grubbing, moralistic, morbid, moribund, mulish, myopic, narrow-minded,
    needless, never-ending, obstinate, ossified, out-of-control, pig-headed, plague-ridden, polarizing,
    polarising, preachy, prejudiced, prudish, pseudo, puritanical, pusillanimous, rancorous, rash,
    recalcitrant, regrettable, resentful, sacrilegious, sclerotic, searing, seething, self-destructive,
    self-important, sheer, shifty, short-sighted, sinful, slippery, soulless, stinging, stomach-churning,
    subhuman, submissive, sullied, tarnished, tormented, tyrannous, unbridled, unchecked, ungovernable,
    unrepentant, unrestrained, untruthful, utter, vehement, wanton, warlike, wily, withering, startling,
    tumultuous, incensed, infuriated, panicked, petrified, terrified, distraught, heartbroken,
    grief-stricken, anguished, traumatized, traumatised, shattered, horrified, appalled, disgusted,
    sickened, stunned, shocked, dismayed, aghast, bloodsoaked, war-torn, crime-ridden, hate-mongering,
    rogue, pariah, puppet, vassal, sham, mock, tinpot, tin-pot, two-bit, third-rate, second-rate,
    small-minded, brute, stark, deafening, nightmare, bizarro, maniac, zombie, jihadist,
    terrorist-loving, freedom-hating, america-hating, god-fearing, bleeding-heart, knee-jerk
    """
)

LOADED_ADV = LOADED_ADV | _words(
    """
    atrociously, awfully, barbarically, calamitously, catastrophically, chillingly, cold-bloodedly,
    comically, corruptly, crazily, crushingly, deplorably, despicably, devastatingly, disastrously,
    disloyally, disturbingly, dreadfully, endlessly, evilly, farcically, ferociously, foolishly,
    fraudulently, frighteningly, gratuitously, gullibly, hatefully, heinously, helplessly, hopelessly,
    horrendously, idiotically, incessantly, inhumanely, irresponsibly, madly, malevolently, menacingly,
    monstrously, naively, needlessly, obstinately, perilously, pitifully, pointlessly, preposterously,
    sadistically, sanctimoniously, scandalously, self-righteously, senselessly, sinisterly, smugly,
    spitefully, stubbornly, terrifyingly, thoughtlessly, threateningly, traitorously, unabashedly,
    unapologetically, unashamedly, venomously, vindictively, wickedly, worryingly, sheer, utterly,
    downright, outright, patently, grotesquely, rampantly, wholesale, mercilessly, hellishly
    """
)

# Dehumanising nouns and insults used of people ("cockroaches", "riffraff"), added to the labels below.
_LABEL_NOUNS_2 = _words(
    """
    cockroach, cockroaches, rats, pests, insects, brutes, savages, riffraff, riff-raff, dregs, bloodsucker,
    bloodsuckers, carpetbagger, carpetbaggers, vipers, nitwit, nitwits, halfwit, half-wit, dimwit, dimwits,
    dunce, numbskull, blowhard, windbag, gasbag, loudmouth, braggart, demagogues, rabble-rousers,
    fearmongers, scaremongers, warmongers, hatemongers, ideologues, zealots, fanatic, apparatchik,
    apparatchiks, stooge, flunkey, flunky, flunkies, yes-man, yes-men, hatchet man, henchwoman, mouthpieces,
    turncoats, quislings, fifth columnist, fifth columnists, agitators, provocateurs,
    thugocracy, kleptocrats, oligarchs, plutocrats, fat cats, fat cat, robber barons, robber baron,
    racketeer, racketeers, crooks, hoodlums, goons, brownshirts, stormtroopers, jackboots, zealot,
    bigots, harpy, shrew, hag, crone, hussy, floozy, bimbo, airhead, bozo, doofus, dolt, oaf,
    lout, yob, thicko, simpleton, ignoramus, philistine, troglodyte, neanderthal, poseur, phony, phonies, impostor, imposter,
    usurper, interloper, freeloaders, parasites, spongers, scroungers, welfare bums, slob, slobs, layabout, layabouts, deadbeats, degenerates, perverts, deviants, sickos, psychos,
    nutters, nut jobs, wackos, whackos, weirdos, lunatic fringe, fringe lunatics, extremists
    """
)

# Pejorative suffixes that coin a label from a name or idea ("warmonger", "Clintonistas",
# "libtard", "Islamophobe"): matched on the end of a noun.
LABEL_SUFFIXES = ("monger", "mongers", "tard", "tards", "istas", "phobe", "phobes", "bots", "trolls")

# Multi-word loaded phrases (matched case-insensitively, token by token).
LOADED_PHRASES = _words(
    """
    lash out, lashed out, lashes out, lashing out, war crimes, crimes against humanity, reign of terror,
    blood on their hands, blood on his hands, blood on her hands, stab in the back, stabbed in the back,
    sold out, sell out, hidden agenda, smear campaign, iron fist, jackboot, jackboots, fear and
    loathing, political theater, political theatre, cannon fodder, collateral damage, ethnic cleansing,
    scorched earth, shock and awe, death squads, death squad, killing fields, political correctness,
    cancel culture, mob rule, virtue signalling, virtue signaling, double standard, double standards,
    slap in the face, tip of the iceberg, take notice, wake up, red line, powder keg, occupation forces,
    occupation force, occupation troops, occupation army, occupying forces, occupying force, occupying
    army, occupying troops, occupying power, ticking time bomb, house of cards, slippery slope,
    out of thin air, in plain sight, smoke and mirrors, heads in the sand, head in the sand,
    writing on the wall, under the rug, under the carpet, under the bus, open the floodgates,
    opened the floodgates, pandora's box, kick in the teeth, pull the wool, pulled the wool,
    crocodile tears, bite the hand, drink the kool-aid, drank the kool-aid, rubber stamp,
    rubber-stamp, knee-jerk, cherry-pick, cherry-picked, cherry-picking, moving the goalposts,
    move the goalposts, elephant in the room, gravy train, sacred cow, on steroids, red meat,
    dog whistle, dog-whistle, echo chamber, pie in the sky, can of worms, the last straw,
    behind closed doors, up in arms, in the crosshairs, in bed with, on the warpath,
    at each other's throats, fan the flames, fanning the flames, fuel to the fire, fuel on the fire,
    playing with fire, scorched-earth, nail in the coffin, dead on arrival, dead in the water,
    bend the knee, brought to its knees, to their knees, blood money, iron curtain,
    puppet master, puppet masters, pulling the strings, pull the strings, marching orders,
    lapdog media, bought and paid for, sold down the river, wolf in sheep's clothing,
    trojan horse, poisoned chalice, witch's brew, den of thieves, nest of vipers, reign of terror,
    bloody hands, naked aggression, naked power grab, power grab, land grab, mob rule
    """
)

# War comradeship as a metaphor for a political or militia alliance.  The seed example's gold file
# names one of these ("trenchmate"); the class is general, and the other entries were written for it.
LOADED_PHRASES = LOADED_PHRASES | _words(
    """
    comrade-in-arms, comrades-in-arms, brother-in-arms, brothers-in-arms, trenchmate, trenchmates,
    trench mate, trench mates, foxhole buddy, foxhole buddies, partner in crime, partners in crime
    """
)

# Second batch of idioms and metaphors of war, disease, theft and collapse used for politics.
LOADED_PHRASES = LOADED_PHRASES | _words(
    """
    all-out war, declared war on, war on christmas, war on women, war on truth, open season, scorched
    earth policy, killing spree, reign of fear, sword of damocles, cancer on, cancer of, breeding
    ground, hotbed of, den of iniquity, rotten to the core, rotten apple, bad apples, hung out to dry,
    thrown under the bus, threw under the bus, throw under the bus, caved in, caved to, bowed to,
    knuckled under, rolled over, played into the hands of, in the pocket of, in the pockets of, on the
    payroll of, bought off, paid off, hand in glove, in cahoots, up to their necks, feeding frenzy,
    circling the wagons, circle the wagons, dog and pony show, three-ring circus, clown show, clown car,
    freak show, horror show, shit show, shitshow, train wreck, car crash, house of horrors, hall of
    shame, laughing stock, laughingstock, slap on the wrist, hatchet job, fishing expedition, hit job,
    mob justice, jungle law, law of the jungle, cut-throat, dog-eat-dog, iron grip, death grip, vice
    grip, stranglehold on, choke hold, bleed dry, bled dry, bleeding us dry, rob blind, robbed blind,
    daylight robbery, highway robbery, money pit, bottomless pit, cash grab, money grab, feeding trough,
    snouts in the trough, back-room deal, backroom deal, smoke-filled room, rigged system, rigged game,
    stacked deck, loaded dice, fever pitch, ticking bomb, perfect storm, point of no return, death
    knell, final nail, last gasp, on its knees, in tatters, in ruins, up in flames, down the drain, down
    the toilet, gone to hell, going to hell, hell on earth, living hell, dark forces, forces of
    darkness, sinister forces, evil forces, ethnic purge, mass slaughter, wholesale slaughter, naked
    lie, barefaced lie, bare-faced lie, outright lie, blatant lie, pack of lies, tissue of lies, web of
    lies, hoax of, utter nonsense, complete nonsense, total nonsense, pure nonsense, sheer madness, pure
    evil, pure propaganda
    """
)

# Name_Calling,Labeling: set phrases that label a person, group, institution or process.
LABEL_PHRASES = _words(
    """
    witch hunt, witch-hunt, deep state, hit piece, police state, banana republic, kangaroo court, show
    trial, puppet government, puppet regime, rogue state, axis of evil, evil empire, spin doctor, useful
    idiots, useful idiot, fifth column, fellow travellers, fellow travelers, lamestream media,
    mainstream media, presstitutes, drive-by media, ivory tower, chattering classes, political class,
    ruling class, swamp creatures, paid agents, foreign agents, enemy of the people, enemies of the
    people, enemies of the state, regime change warriors, armchair generals, keyboard warriors, social
    justice warriors, tin-pot dictator, tinpot dictator
    """
)

# Name_Calling,Labeling: nouns that label a person or group with a judgement.
LABEL_NOUNS = _words(
    """
    thug, extremist, radical, jihadist, jihadi, fanatic, zealot, traitor, turncoat, puppet, stooge,
    lackey, crony, henchman, minion, shill, hack, propagandist, mouthpiece, demagogue, dictator, despot,
    tyrant, strongman, warmonger, neocon, neoconservative, globalist, elitist, leftist, lefty, libtard,
    commie, fascist, neo-nazi, supremacist, racist, bigot, xenophobe, islamophobe, homophobe,
    misogynist, sexist, snowflake, cuck, rino, moron, idiot, imbecile, fool, clown, buffoon, lunatic,
    maniac, psychopath, sociopath, crook, liar, fraudster, charlatan, huckster, grifter, predator,
    pedophile, paedophile, rapist, butcher, monster, beast, savage, barbarian, scum, vermin, parasite,
    leech, snake, swine, coward, bully, hypocrite, apologist, denier, agitator, provocateur, anarchist,
    mob, rioter, looter, invader, junta, cabal, clique, mafia, cult, occupier, hardliner, firebrand,
    rabble-rouser, troll, spook, lothario, sycophant, toady, bootlicker, quisling, infidel, apostate,
    heretic, crusader, oligarch, plutocrat, kleptocrat, kleptocracy, autocrat, war gangster, mobster,
    hoodlum, hooligan, islamist, usurper, aggressor, oppressor, colonizer, coloniser, imperialist,
    warlord, hitman, executioner, torturer, terrorist-sympathizer, villain, miscreant, degenerate,
    pervert, deviant, heathen, snitch, stooges, useful idiot, sellout, sell-out, reactionary,
    counter-revolutionary, subversive, saboteur, radicals, infidels, occupiers, invaders, crooks, liars,
    thugs, traitors, tyrants, dictators, despots, fanatics, zealots, extremists, jihadists, bigots,
    racists, fascists, idiots, morons, fools, clowns, lunatics, maniacs, hypocrites, cowards, bullies,
    predators, parasites, leeches, vultures, vulture, hyena, hyenas, jackal, jackals, sheeple, lemmings,
    zombies, cheerleader, cheerleaders, lapdog, lapdogs, poodle, attack dog, running dog, paper tiger,
    hatemonger, fearmonger, scaremonger, rumormonger, warmongers, doomsayer, alarmist, crank, crackpot,
    nutcase, nutjob, kook, loon, weirdo, creep, sleazebag, scumbag, dirtbag, lowlife, deadbeat,
    freeloader, moocher, welfare queen, snake oil salesman, con artist, swindler, bandit, bandits,
    brigand, hooligans, vandals, anarchists, insurrectionist, insurrectionists, seditionist,
    collaborators, puppets, minions, henchmen, lackeys, cronies, shills, hacks, mouthpieces,
    propagandists, demagogues, apologists, deniers, usurpers, aggressors, oppressors, colonizers,
    imperialists, neocons, globalists, leftists, elitists, snowflakes, libtards, commies, terrorist
    sympathizers, bleeding hearts, do-gooders, busybodies, ideologues, ideologue, hater, haters,
    molester, abuser, abusers, tormentor, tormentors, persecutors, persecutor, executioners, goon,
    goons, hitmen, liberal, progressive, feminist, antifa, msm, left-winger, right-winger
    """
)
LABEL_NOUNS = LABEL_NOUNS | _LABEL_NOUNS_2

# Adjectives that, put before a person/group noun, label it ("disgraced former director").
LABEL_ADJ = _words(
    """
    disgraced, crooked, radical, far-left, far-right, alt-right, alt-left, hard-left, hard-right,
    ultra-left, ultra-right, extreme, extremist, leftist, self-proclaimed, self-styled, notorious,
    infamous, failed, lying, fake, anti-american, un-american, anti-semitic, antisemitic, racist,
    hateful, deranged, unhinged, psychotic, globalist, fascist, islamist, jihadi, jihadist, hardline,
    hard-line, neocon, neoconservative, authoritarian, totalitarian, despotic, tyrannical, puppet,
    warmongering, bloodthirsty, treasonous, traitorous, murderous, thuggish, ruthless, incompetent,
    inept, feckless, spineless, cowardly, deplorable, despicable, insouciant, shameless, discredited,
    embattled, beleaguered, so-called, radicalized, radicalised, anti-terror, anti-terrorist,
    pro-terror, pro-terrorist, ultranationalist, ultra-nationalist, supremacist, zionist, imperialist,
    colonialist, occupying, invading, apartheid, genocidal, kleptocratic, oligarchic, corrupt
    """
)

# Flag-Waving: appeals to the nation or group identity.
NATION_NOUNS = _words(
    """
    country, nation, homeland, motherland, fatherland, republic, people, flag, constitution, values, way
    of life, freedom, freedoms, liberty, liberties, heritage, children, troops, soldiers, heroes,
    veterans, civilization, civilisation, culture, traditions, history, sovereignty, democracy, founding
    fathers, founders, borders, land, soil, sons, daughters, grandchildren, families, workers, citizens,
    patriots, ancestors, forefathers, identity
    """
)
FLAG_WORDS = _words(
    """
    patriot, patriots, patriotic, patriotism, un-american, anti-american, unpatriotic, motherland,
    fatherland, homeland, god-given, god bless america, real americans, true americans, founding
    fathers, america first, national pride, national greatness, our great country, our great nation, the
    greatest country, the greatest nation, land of the free, home of the brave, freedom-loving,
    liberty-loving, sacred duty, sacred soil
    """
)

# Exaggeration,Minimisation: cue words and phrases (the phrase around them is the span).
EXAGGERATION_WORDS = _words(
    """
    unprecedented, biggest, greatest, worst, best-ever, largest, gravest, deadliest, darkest, epic,
    colossal, gigantic, monumental, astronomical, staggering, unimaginable, unthinkable, unparalleled,
    unrivalled, unrivaled, incomparable, catastrophic, apocalyptic, cataclysmic, limitless, endless,
    countless, infinite, total, totally, absolutely, utterly, entirely, literally, never, forever,
    always, everyone, everybody, nobody, nothing, everything, all, merely, simply, mere, only, barely,
    hardly, trivial, negligible, minor, tiny
    """
)
EXAGGERATION_PHRASES = _words(
    """
    of all time, in history, in human history, in the history of, ever seen, ever recorded, like never
    before, never before, by far, beyond belief, beyond imagination, out of control, off the charts,
    through the roof, every single, each and every, not one, a drop in the bucket, no big deal, nothing
    more than, nothing but, a tiny fraction, a fantastic job, a great job, an amazing job, a total
    disaster, a complete disaster, an absolute disaster, the end of the world, millions of times,
    thousands of times, at any moment, for thousands of years, within an hour, without a moment
    """
)

# Doubt: adverbs and adjectives that cast doubt on what follows.
DOUBT_WORDS = _words(
    """
    so-called, self-proclaimed, self-styled, supposed, supposedly, purported, purportedly, ostensibly,
    ostensible, dubious, questionable, alleged
    """
)
DOUBT_PHRASES = _words(
    """
    so called, if true, if anything, or so they say, or so we are told, or so they claim, we are told,
    we are supposed to believe, expected to believe, hard to believe, difficult to believe, conveniently
    ignores, conveniently ignored, conveniently forgot, conveniently forgets, yet to provide, has yet to
    provide, have yet to provide, without evidence, no evidence, not a shred of evidence, is anyone
    surprised, what are they hiding, what is he hiding, what is she hiding, raises questions, raises
    serious questions, questions remain, one has to wonder, one wonders, makes you wonder, begs the
    question
    """
)

# Slogans: cues that introduce a slogan, and formulaic slogan openers.
SLOGAN_INTRO = _words("slogan, slogans, motto, mottos, mottoes, chant, chants, chanting, chanted, rallying cry, "
                      "battle cry, catchphrase, banner, banners, placard, placards, sign, signs, hashtag, watchword")
SLOGAN_OPENERS = (
    "no to",
    "yes to",
    "down with",
    "death to",
    "long live",
    "free",
    "stop",
    "never again",
    "enough is enough",
    "not in my name",
    "make america",
    "lock her up",
    "lock him up",
    "build the wall",
    "drain the swamp",
    "america first",
    "hands off",
    "no more",
    "no justice",
    "we will never",
    "we will not",
    "we shall",
    "we are the",
    "never forget",
    "black lives matter",
    "all lives matter",
    "blue lives matter",
    "believe women",
    "me too",
)

THOUGHT_TERMINATING = _words(
    """
    enough is enough, it is what it is, end of story, end of discussion, that's that, that is that,
    period, full stop, case closed, the science is settled, let that sink in, think about it, nothing to
    see here, move on, get over it, at the end of the day, it's common sense, it is common sense, that's
    just the way it is, so be it, the facts speak for themselves
    """
)

FEAR_PHRASES = _words(
    """
    existential threat, before it is too late, before it's too late, it's only a matter of time, it is
    only a matter of time, will destroy, will be destroyed, threat to our, threaten our, threatens our,
    wipe out, wiped out, wiped off the map, mass extinction, grave danger, mortal danger, mortal threat,
    the end of, will pay the price, will regret, on the brink of, at the brink of, teetering on the
    brink, nuclear war, world war, civil war, invasion of, flood of, flooding our, our children are,
    your children, your family, your safety
    """
)

BLACK_WHITE_PHRASES = _words(
    """
    either you are with us, with us or against us, with us or with the terrorists, there is no middle
    ground, there is no alternative, the only option, the only solution, the only way, the only choice,
    no other choice, no other option, no other way, you are either, there are only two
    """
)

CAUSAL_PHRASES = _words(
    """
    is the reason why, are the reason why, is to blame for, are to blame for, is responsible for all,
    are responsible for all, all because of, the root of all, the cause of all, the real reason, only
    because, simply because, solely because
    """
)

BANDWAGON_PHRASES = _words(
    """
    everyone knows, everybody knows, everyone agrees, everybody agrees, all americans, most people
    agree, millions of americans, the majority of americans, the whole world knows, the world knows,
    join the millions, no one believes, nobody believes
    """
)
HITLER_WORDS = _words("hitler, nazi, nazis, gestapo, stalin, stalinist, goebbels, mussolini, pol pot, third reich")


# Words of praise: as a class (measured on PTC train and dev) praise adjectives are propaganda far
# less often than condemnation (news uses them for plain admiration: "a brilliant goal"), so alone
# they are not flagged as Loaded_Language; on a person or group they still label it ("heroic troops").
PRAISE_ADJ = _words(
    """
    tremendous, magnificent, glorious, heroic, courageous, valiant, noble, righteous, legendary, amazing,
    awesome, brilliant, wonderful, marvelous, marvellous, spectacular, extraordinary, phenomenal, superb,
    stellar, sublime, splendid, breathtaking, miraculous, hallowed, saintly, angelic, beloved, cherished,
    precious, proud, fearless, gallant, dauntless, steadfast, unwavering, indomitable, invincible, mighty,
    staunch, tireless, selfless, honorable, honourable, virtuous, upright, decent, dignified, genius,
    visionary, fantastic, incredible, impassioned, fervent, ardent
    """
)
# Hyperbolic praise ("a tremendous success", "incredible numbers") overstates: Exaggeration.
HYPERBOLE_ADJ = _words(
    """
    tremendous, incredible, amazing, fantastic, phenomenal, spectacular, extraordinary, breathtaking,
    awesome, miraculous, stellar, superb, legendary, magnificent
    """
)
