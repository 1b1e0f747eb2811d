"""What owners write, and which case field or sign it tells about.

Each Rule reads one phrase pattern (a regular expression over the lower-cased text) and
says what it means when said plainly, when denied ("no vomiting") and when hedged ("not
sure if she ate anything"); None means "this says nothing". Rules for the same target are
tried together, leftmost and then first-listed winning, so a longer phrase listed first
("drinking less") claims its words before a shorter one ("drinking").

scope "episode": only in a sentence that is about the twitching itself (the sentence has
an episode word, see episode.py), so "after a long hike" yesterday is history, not the
context of today's twitching. scope "exercise": only in a sentence about exercise.
"""

from __future__ import annotations

from dataclasses import dataclass

SEEN, ABSENT = "seen", "absent"


@dataclass(frozen=True)
class Rule:
    target: str  # a case field path, or "signs.<sign id>"
    pattern: str
    affirmed: object
    negated: object = None
    unsure: object = None
    scope: str = "any"
    owner_guard: bool = False  # skip when the owner is the subject ("I'm anxious")


def alt(*parts: str) -> str:
    return "|".join(parts)


def sign(sign_id: str, pattern: str, **kw) -> Rule:
    return Rule(f"signs.{sign_id}", pattern, SEEN, ABSENT, **kw)


def sign_absent(sign_id: str, pattern: str) -> Rule:
    """A phrase that says the sign is not there ("walks normally"); denied, it is there."""
    return Rule(f"signs.{sign_id}", pattern, ABSENT, SEEN)


def says_nothing(target: str, pattern: str) -> Rule:
    """Claims its words so that a shorter rule of the same target cannot read them."""
    return Rule(target, pattern, None)


PRONOUN = r"(?:his|her|its|their|the)"
TOUCH = r"(?:i|we|you|anyone|someone) (?:touch|touches|touched|feel|felt|pet|stroke)\w*"
FACE = r"(?:face|muzzle|snout|lips?|eyelids?|eyes|cheeks?|head)"
# "hasn't eaten" is a poor appetite when nothing or a meal follows, not "hasn't eaten chocolate"
MEAL_OR_NOTHING = r"(?= *(?:[.,;:!?)]|$| (?:his|her|its|their|much|well|properly|normally|a thing"
MEAL_OR_NOTHING += r"|today|since|for|all day|at all|anything (?:today|since|all day|at all)"
MEAL_OR_NOTHING += r"|and|or|but|yet|very much|breakfast|dinner|lunch|supper|food)\b))"

SIGN_RULES: tuple[Rule, ...] = (
    sign(
        "limping_or_pain",
        alt(
            r"limp(?:s|ing|ed)",
            r"(?:a|slight|bad|the) limp\b",
            r"(?<=no )limp\b",
            r"lame(?:ness)?",
            rf"favou?r(?:s|ing|ed) {PRONOUN} \w+ (?:leg|paw|foot)",
            r"(?:put|putting|bear|bearing) (?:any |much )?weight on",
            rf"hold(?:s|ing)? {PRONOUN} (?:\w+ )?(?:leg|paw) up",
            r"yelp(?:s|ed|ing)?",
            rf"cr(?:y|ies|ied) (?:out )?when {TOUCH}",
            r"flinch(?:es|ed|ing)?",
            rf"pulls? away when {TOUCH}",
            r"sore(?! eyes?| throat)",
            r"in pain",
            r"painful",
            r"hurt(?:s|ing)",
            r"shorter steps",
            r"pain\b",
        ),
    ),
    sign_absent("limping_or_pain", r"walk(?:s|ing)? (?:normally|fine|ok|okay|well|normal)"),
    sign(
        "itching",
        alt(
            r"itch(?:y|ing|es|ed|iness)?",
            r"(?<!a )scratch(?:es|ing|ed|y)?(?! on| mark)",
            rf"(?:chewing|licking|biting|nibbling|gnawing) (?:at )?{PRONOUN} "
            r"(?:paws?|feet|skin|legs?|belly|tail|sides?|flank)",
        ),
    ),
    sign(
        "skin_redness_or_hives",
        alt(
            r"hives",
            r"welts?",
            r"(?:raised|red|itchy|little|small|big|angry) "
            r"(?:bumps|lumps|welts|blotches|patches|spots)",
            r"covered in (?:\w+ )?(?:bumps|lumps|spots)",
            r"rash(?:es)?",
            r"red(?:dened)? skin",
            r"redness",
            r"(?:belly|tummy|stomach|skin|groin|armpits?) (?:looks?|is|are|seems|went|gone|has"
            r" gone|"
            r"turned) (?:a bit |slightly |very |bright |quite )?(?:red|pink)",
            r"flushed",
        ),
    ),
    sign(
        "face_swelling",
        alt(
            rf"{FACE}(?: and (?:\w+ )?{FACE})? (?:is |are |has |have |looks? |looked |seems? |got |"
            r"went |gone |all |a bit |very )*(?:swollen|swelling|puff(?:ed|ing) up|puffy|blown up|"
            r"blew up|swelled(?: up)?|swell(?:s|ing)? up)",
            rf"(?:swollen|puffy) {FACE}",
            r"facial swelling",
            r"face swelling",
            rf"swelling (?:of|on|around|in) {PRONOUN} {FACE}",
        ),
    ),
    Rule("signs.face_swelling", r"swelling|swollen", None, ABSENT),  # "no swelling anywhere"
    sign(
        "breathing_difficulty",
        alt(
            r"(?:breathing|breath|breathes) (?:is |was |sounds? |seems? |looks? |got |has been |"
            r"became |very |really |a bit |quite )*(?:noisy|laboured|labored|heavy|difficult|raspy|"
            r"strained|wheezy|shallow|rapid)",
            r"(?:struggl\w+|trouble|difficulty|problems?|fighting) (?:to )?breath(?:e|ing)?",
            r"(?:can't|cannot|couldn't) breathe",
            r"wheez\w+",
            r"gasp(?:s|ing|ed)? for (?:air|breath)",
            r"(?:laboured|labored|noisy|difficult) breathing",
            r"breathing (?:difficult\w*|problems?)",
            r"respiratory distress",
            r"chok(?:ing|ed|es)",
        ),
    ),
    sign_absent(
        "breathing_difficulty",
        r"(?:breathing|breath|breathes) (?:is |was |seems |sounds "
        r"|looks )?(?:fine|normal|ok|okay|normally|good|unaffected|easy)",
    ),
    sign(
        "vomiting_or_diarrhea",
        alt(
            r"vomit\w*",
            r"threw up",
            r"throw(?:s|ing)? up",
            r"puk\w+",
            r"(?:being|been) sick",
            r"diarrh(?:o)?ea",
            r"(?:loose|runny|watery|bloody) (?:stools?|poos?|poops?|faeces|feces)",
            r"the runs",
            r"upset (?:stomach|tummy)",
        ),
    ),
    sign(
        "dry_gums_or_sunken_eyes",
        alt(
            r"gums (?:feel |are |look |seem |were |felt |a bit |quite |very |really |slightly )*"
            r"(?:tacky|dry|sticky)",
            r"(?:dry|tacky|sticky) gums",
            r"sunken eyes",
            r"eyes (?:look |are |seem )?sunken",
            r"dehydrated",
            r"skin tent\w*",
        ),
    ),
    sign_absent(
        "dry_gums_or_sunken_eyes",
        alt(
            r"gums (?:feel |are |look |seem |were |felt )*(?:wet|moist|normal|fine|slimy|slippery)",
            r"(?:wet|moist) gums",
        ),
    ),
    sign(
        "lethargy",
        alt(
            r"letharg\w+",
            r"sleep(?:y|ier)",
            r"tired(?! of)",
            r"listless",
            r"sluggish",
            r"no energy",
            r"low (?:on )?energy",
            r"lack of energy",
            r"(?:very |really )?(?:flat|dull)"
            r" (?:and|today|than usual|lately)",
            r"sleeping (?:a lot )?more",
            r"lying around more",
        ),
    ),
    sign(
        "wobbling",
        alt(
            r"wobbl\w+",
            r"stumbl\w+",
            r"unsteady",
            r"stagger\w*",
            r"drunk(?:en)?",
            r"uncoordinated",
            r"ataxi\w+",
            r"los(?:es|t|ing) (?:his|her|its) balance",
            r"off balance",
            r"can't walk straight",
        ),
    ),
    sign(
        "drooling",
        alt(
            r"drool\w*",
            r"slobber\w*",
            r"foam\w*",
            r"froth\w*",
            r"salivat\w+",
            r"dribbl\w+",
        ),
    ),
    sign(
        "muscle_stiffness",
        alt(
            r"stiff\w*",
            r"rigid\w*",
            r"cramp\w*",
            r"tensed? up",
            r"locked up",
            r"locks up",
            r"muscles? (?:are |feel |felt )?(?:tight|hard|tense)",
        ),
    ),
    sign(
        "weakness_or_paralysis",
        alt(
            r"weak(?:ness|er|ened)?",
            r"paraly[sz]\w+",
            r"(?:went|goes|go|gone|is|was|'s|and|floppy and|completely|totally|all) limp\b"
            r"(?! on| with| in)",
            r"floppy",
            r"(?:can't|cannot|couldn't|unable to) (?:stand|get up|walk)",
            r"(?:can't|cannot|couldn't) use (?:his|her|its) (?:back |hind |front )?legs",
            r"drag(?:s|ging|ged) (?:his|her|its) (?:back |hind )?(?:legs|feet|paws)",
            r"legs (?:gave|give|giving|went) (?:out|way)",
            r"knuckling",
        ),
    ),
    sign(
        "collapse",
        alt(
            r"collaps\w+",
            r"(?:fell|falls|falling|fall) over",
            r"(?:fell|falls) down(?! the| some| a )",
            r"flop(?:ped|s|ping)?(?: over| down)",
            r"keel(?:ed|s)? over",
            r"pass(?:ed|es|ing)? out",
            r"faint(?:ed|s|ing)",
            r"went down",
            r"dropped to the (?:floor|ground)",
        ),
    ),
    sign(
        "loss_of_bladder_control",
        alt(
            r"wet (?:herself|himself|itself|the (?:bed|floor))",
            r"(?:peed|pee'd|wee'd|urinated|pees|peeing|urinating) (?:on (?:herself|himself|itself)|"
            r"herself|himself|itself)",
            r"los(?:t|es|ing) (?:control of )?(?:(?:his|her|its) )?(?:bladder|bowels?)(?:"
            r" control)?",
            r"incontinen\w+",
            r"soiled (?:herself|himself|itself)",
            r"peed",
            r"pee'd",
            r"urinated",
        ),
    ),
    sign(
        "paddling_or_chomping",
        alt(
            r"paddl\w+",
            r"chomp\w*",
            r"champ(?:ing|s)",
            r"chewing (?:movements?|motions?|the air|at nothing|at the air)",
            r"jaw (?:snapping|chattering|clacking|chomping|chewing|smacking)",
            r"(?:snapping|chewing|clacking) (?:his|her|its) jaw",
            r"lip[- ]smacking",
            r"smacking (?:his|her|its) lips",
        ),
    ),
    sign(
        "nasal_or_eye_discharge",
        alt(
            r"runny (?:nose|eyes?)",
            r"snott\w+",
            r"(?:nasal|nose|eye|eyes|ocular) discharge",
            rf"discharge (?:from|in|around|out of) (?:{PRONOUN} |both )?(?:eyes?|nose|nostrils)",
            r"(?:goopy|gunky|crusty|weepy|watery|sticky|gooey) eyes",
            rf"(?:gunk|goop|goo|pus|mucus|crust) (?:in|from|around) (?:{PRONOUN} )?(?:eyes?|nose)",
            r"nose is running",
            r"eyes are (?:running|weeping)",
        ),
    ),
    sign("cough", alt(r"cough\w*", r"hacking", r"honking")),
    sign(
        "fever",
        alt(
            r"fever\w*",
            r"(?:a |high |running a )temperature",
            r"(?:feels?|felt|feeling|seems?) (?:a bit |slightly |quite |rather |a little )?warm",
            r"warm to the touch",
        ),
    ),
    sign(
        "overheating",
        alt(
            r"over-?heat\w*",
            r"heat ?stroke",
            r"heat exhaustion",
            r"pant(?:ing|s|ed) (?:very |really |so |extremely |quite )?(?:hard|heavily|heavy|"
            r"frantically|like crazy|a lot|excessively|non-?stop)",
            r"(?:heavy|excessive|frantic|hard|rapid) panting",
            r"hot to the touch",
            r"(?:feels?|felt|feeling|became|got|gets|seems?|seemed) (?:very |really |extremely |so"
            r" |"
            r"super |quite )?hot",
            r"(?:very|extremely|really|so|super) (?:hot|warm)(?! (?:day|days|weather|afternoon|"
            r"morning|evening|summer|car|sun|temperatures?|outside|out|today))",
            r"burning up",
        ),
    ),
    sign(
        "anxiety_or_restlessness",
        alt(
            r"anxious\w*",
            r"anxiety",
            r"restless\w*",
            r"pacing",
            r"paces",
            r"hyper(?:active)?\b",
            r"agitat\w+",
            r"panick\w*",
            r"panic\b",
            r"(?:can't|won't|unable to) settle",
            r"nervous",
            r"scared",
            r"frightened",
            r"fearful",
            r"distressed",
            r"jumpy",
            r"on edge",
            r"startl\w+",
            rf"jump(?:s|ed)? (?:if|when|whenever) {TOUCH}",
            r"hypersensitive",
        ),
        owner_guard=True,
    ),
    sign(
        "poor_appetite",
        alt(
            r"off (?:his|her|its) food",
            r"eating (?:less|little|very little|much less|poorly)",
            r"(?:hardly|barely) eat\w*",
            r"(?:poor|no|decreased|reduced|less|loss of|lost (?:his|her|its)) appetite",
            r"refus\w+ (?:to eat|food|(?:his|her|its) (?:food|meals?|dinner|breakfast))",
            r"skipp\w+ (?:a |his |her |its )?(?:meal|meals|breakfast|dinner)",
            r"not interested in (?:food|(?:his|her|its) (?:food|dinner|breakfast))",
            rf"(?:didn't|did not|won't|wouldn't|hasn't|has not|isn't|is not|not) (?:been )?"
            rf"eat(?:ing|en)?\b{MEAL_OR_NOTHING}",
        ),
    ),
    sign_absent(
        "poor_appetite",
        alt(
            r"(?:is|'s|are|still|and|been) eating\b(?! less| little| very little| much less| poorly"
            r"| grass| things| stuff| anything| something)",
            r"(?:good|normal|healthy|great) appetite",
            r"appetite (?:is |was |seems )?(?:fine|normal|good|great|unchanged)",
            r"eat(?:s|ing) (?:well|normally|fine|as usual|ok|okay|happily)",
        ),
    ),
)

EPISODE_VERB = r"(?:twitch\w*|shak(?:e|es|ing|y)|trembl\w+|jerk\w*|spasm\w*|flicker\w*)"

FIELD_RULES: tuple[Rule, ...] = (
    # --- dog ------------------------------------------------------------------------
    Rule(
        "dog.pregnant_or_nursing",
        alt(
            r"pregnan\w+",
            r"nursing(?! home)",
            r"lactating",
            r"(?:had|has|gave birth to|delivered|whelped) (?:a |her |\w+ )?(?:litter|puppies"
            r"|pups)\b",
            r"whelp\w*",
            r"in pup",
            r"expecting (?:puppies|a litter)",
            r"feeding (?:her|the) (?:puppies|pups|litter)",
            r"(?:her|a) (?:new )?litter(?! box| tray)",
            r"gave birth",
        ),
        True,
        False,
        "unknown",
    ),
    Rule(
        "dog.vaccinations",
        alt(
            r"un-?vaccinated",
            r"(?:overdue|behind|late|lapsed|missed) (?:on |for |with )?(?:(?:his|her|its|the|a"
            r"|some|"
            r"all) )?(?:vaccinations|vaccines|shots|jabs|boosters?)",
            r"(?:vaccinations|vaccines|shots|jabs|boosters?) (?:are |were |is )?(?:overdue|out of"
            r" date"
            r"|lapsed|behind)",
            r"only (?:had|has had|got) (?:his|her|its|the|one|a) (?:first|1st|one) (?:vaccine|"
            r"vaccination|shot|jab)",
            r"partially vaccinated",
        ),
        "not_up_to_date",
    ),
    Rule(
        "dog.vaccinations",
        alt(
            r"(?:fully|completely|properly) vaccinated",
            r"up[- ]to[- ]date (?:on|with) (?:(?:his|her|its|all|of) )*(?:vaccinations|vaccines"
            r"|shots"
            r"|jabs|boosters?)",
            r"(?:vaccinations|vaccines|shots|jabs|boosters?) (?:are |is |were )?(?:all )?up[-"
            r" ]to[- ]date",
            r"had (?:all )?(?:of )?(?:his|her|its) (?:vaccinations|vaccines|shots|jabs|boosters?)",
            r"(?:finished|completed) (?:(?:his|her|its|the) )?(?:vaccinations|vaccines|puppy shots"
            r"|shots|jabs|vaccine course|course of vaccinations)",
            r"vaccinated",
        ),
        "up_to_date",
        "not_up_to_date",
        "unknown",
    ),
    Rule(
        "dog.vaccinations",
        r"vaccinations|vaccines?|jabs|boosters?|shots",
        None,
        "not_up_to_date",
        "unknown",
    ),
    # --- history --------------------------------------------------------------------
    Rule(
        "history.recent_heavy_exercise",
        alt(
            r"(?:long|big|huge|massive|strenuous|tough|all-day|all day|full-day|full day"
            r"|extra-long|"
            r"\d+ ?(?:km|k|kilometres?|kilometers?|miles?)|(?:two|three|four|five|six|\d+)[-"
            r" ]hours?) (?:\w+ )?(?:hike|"
            r"hikes|walk|walks|run|runs|ride|swim|session|trek|day out|beach day|day at the beach|"
            r"outing|game of fetch|play session)",
            r"agility (?:workshop|trial|trials|competition|camp|course|weekend|day|show)",
            r"(?:flyball|herding|canicross|mushing|sledding|field|working) (?:trial|competition"
            r"|event"
            r"|workshop|weekend|day)",
            r"(?:chas\w+|fetch\w*|runn\w+|play\w*|retriev\w+|swimm\w+) (?:the |a |after the |after"
            r" a "
            r"|his |her )?(?:\w+ )?(?:non-?stop|for hours|all day|all afternoon|all morning)",
            r"rough ?play",
            r"(?:played|playing|ran) (?:really |very )?(?:hard|rough)",
            r"overdid it",
            r"overdone it",
            r"overexert\w*",
            r"(?:two|three|four|\d+)[- ]day (?:hike|trek|agility|event|workshop|competition|trial)",
        ),
        True,
    ),
    Rule(
        "history.recent_heavy_exercise",
        alt(
            r"(?:much |far |way |a lot |a good deal )?(?:more|longer|harder|further|farther) "
            r"(?:exercise |running |walking |play |activity )?than (?:usual|normal|ever|(?:he|she"
            r"|it)"
            r"(?:'s| is) used to|(?:he|she|it) usually (?:does|gets))",
        ),
        True,
        scope="exercise",
    ),
    Rule(
        "history.recent_heavy_exercise",
        alt(
            r"(?:no|not much|hardly any|little) (?:more |extra |unusual |heavy |hard |strenuous )?"
            r"exercise",
            r"(?:just|only) (?:(?:his|her|its|our|the) )?(?:usual|normal|regular|short) (?:walks?|"
            r"exercise|stroll|routine)",
            r"(?:usual|normal) amount of exercise",
        ),
        False,
    ),
    Rule(
        "history.new_food_or_medication",
        alt(
            r"new (?:[\w-]+ ){0,2}?(?:food|foods|kibble|diet|treats?|chews?|biscuits?|supplements?|"
            r"medications?|medicines?|meds|antibiotics?|pills?|tablets?|drugs?|flea (?:treatment|"
            r"collar|medication|tablet)|wormer|dewormer|worming (?:tablet|treatment)|brand|raw"
            r" diet|"
            r"prescription)",
            r"(?:switched|changed|swapped|switching|changing) (?:(?:his|her|its|their|the|\w+'s) )?"
            r"(?:food|diet|kibble|brand)",
            r"(?:started|began|begun|starting|put) (?:(?:him|her|them|it) )?(?:on )?(?:a course of"
            r" )?"
            r"(?:antibiotics?|steroids?|prednisone|prednisolone|medication|meds|pain ?killers?|"
            r"phenobarbital|metronidazole|apoquel|a supplement|supplements?)",
            r"(?:first|second) dose",
            r"(?:ate|eaten|eat|had|tried|got) (?:anything|something) new",
        ),
        True,
        False,
        "unknown",
    ),
    Rule(
        "history.new_food_or_medication",
        alt(
            r"(?:same|usual|regular|normal) (?:food|diet|kibble|treats)",
            r"nothing new (?:in|to) (?:his|her|its|the) (?:diet|food|routine)",
            r"no (?:change|changes) (?:to|in) (?:his|her|its|the) (?:food|diet)",
            r"(?:food|diet) (?:hasn't|has not) changed",
        ),
        False,
    ),
    Rule(
        "history.low_water_intake",
        alt(
            r"(?:drink\w*|drank) (?:much |a lot |far |way |a bit )?less",
            r"less water",
            r"(?:without|no|not enough|little|hardly any|no access to|not had any|nothing to drink"
            r"|no fresh) (?:fresh )?water",
            r"(?:forgot|forgotten|didn't bring|did not bring|ran out of)(?: to (?:bring|take"
            r"|pack))?"
            r"(?: (?:his|her|the|any|enough))? water",
            r"(?:water )?bowl (?:was |had |got )?(?:empty|tipped|knocked|spilled|spilt|dry)",
            r"(?:hasn't|has not|not|isn't|won't|wouldn't|didn't|barely|hardly|refus\w+ to) "
            r"(?:been )?(?:drink\w*|drank)",
        ),
        True,
        False,
        "unknown",
    ),
    Rule(
        "history.low_water_intake",
        alt(
            r"(?:eating|eats) and drinking",
            r"(?:drink\w*|drank) (?:normally|well|fine|plenty|lots|a lot|as usual|as normal|loads|"
            r"enough|ok|okay|happily)",
            r"(?:plenty|lots|loads) of water",
            r"water (?:to hand|on hand|available|nearby)",
            r"access to (?:fresh )?water",
        ),
        False,
        True,
    ),
    Rule("history.low_water_intake", r"drink\w*|drank", None, True, "unknown"),
    Rule(
        "history.hot_weather_or_overheated",
        alt(
            r"hot (?:day|days|weather|afternoon|morning|evening|spell|summer|sun|car|room|"
            r"conservatory|weekend|climate|temperatures?)",
            r"heat ?wave",
            r"scorching",
            r"sweltering",
            r"boiling hot",
            r"baking hot",
            r"(?:in|from|during) (?:the|this|that) heat",
            r"in hot (?:weather|sun)",
            r"summer (?:day|fair|afternoon|heat|festival|show|barbecue|bbq)",
            r"left (?:him|her|it) in the car",
            r"in the (?:hot |midday |full )?sun (?:all day|for hours)",
        ),
        True,
        False,
    ),
    Rule(
        "history.hot_weather_or_overheated",
        alt(
            r"(?:cool|cold|chilly|mild|cloudy|rainy|freezing|crisp|overcast) (?:day|days|morning|"
            r"mornings|evening|evenings|afternoon|weather|night)",
            r"(?:it|weather|day) (?:wasn't|was not|isn't|is not) (?:very |particularly )?(?:hot"
            r"|warm)",
        ),
        False,
    ),
    Rule(
        "history.possible_toxin",
        alt(
            r"(?:don't|do not|dont|didn't|did not) (?:know|see) what (?:he|she|it|they) (?:ate|had|"
            r"got into|swallowed|picked up|might have|may have|could have|has eaten)",
            r"(?:might|may|could) have (?:eaten|got into|gotten into|swallowed|chewed|licked"
            r"|picked up"
            r"|been poisoned)",
            r"(?:not sure|unsure|no idea) (?:if|whether|what) (?:he|she|it|they) (?:ate|has eaten"
            r"|had"
            r"|got into|swallowed|picked up)",
        ),
        "unknown",
    ),
    Rule(
        "history.possible_toxin",
        alt(
            r"(?:couldn't|could not|can't|cannot) have (?:eaten|got into|swallowed) anything",
            r"no access to (?:anything|any) (?:toxic|poisonous|harmful)",
        ),
        "no",
    ),
    Rule(
        "history.possible_toxin",
        alt(
            r"(?:ate|eaten|eat|eating|got into|chewed|swallowed|stole|licked|gobbled|scoffed"
            r"|wolfed)"
            r" (?:\w+ ){0,6}?(?:chocolate|cocoa|brownies?|raisins?|grapes?|sultanas?|xylitol|"
            r"sugar[- ]free gum|chewing gum|gum|onions?|macadamia\w*|mushrooms?|toadstools?|"
            r"mou?ldy \w+|compost|poison|slug pellets|pills?|tablets?|ibuprofen|paracetamol|"
            r"acetaminophen|naproxen|aspirin|antidepressants?|cannabis|marijuana|edibles?|"
            r"cigarettes?|nicotine|antifreeze|bait|lily|lilies|sago palm|daffodils?|bulbs?|"
            r"acorns?|conkers?|yew|foxglove)\b",
            r"(?:slug|snail) (?:pellets|bait|killer)",
            r"metaldehyde",
            r"rat (?:poison|bait)",
            r"rodenticide",
            r"mouse (?:poison|bait)",
            r"antifreeze",
            r"ethylene glycol",
            r"xylitol",
            r"sugar[- ]free gum",
            r"insecticide",
            r"pesticide",
            r"weed ?killer",
            r"herbicide",
            r"permethrin",
            r"organophosphate",
            r"mou?ldy (?:food|bread|cheese|walnuts|compost|leftovers|rubbish)",
            r"got into (?:the |a |some |my |our |his |her )?(?:bin|bins|trash|garbage|rubbish"
            r"|compost|"
            r"cupboard|medicine|medication|pills|handbag|bag|purse|shed|garage|chocolate|cleaning)",
            r"raided (?:the )?(?:bin|trash|garbage|rubbish|compost|cupboard)",
            r"scaveng\w+",
        ),
        "yes",
        None,
        "unknown",
    ),
    Rule(
        "history.possible_toxin",
        alt(
            r"(?:ate|eaten|eat|eating|got into|chewed|swallowed|licked|picked up|scoffed|gobbled) "
            r"(?:something|anything|stuff|things?)(?: \w+){0,2}? (?:odd|strange|unusual|weird|bad|"
            r"dodgy|toxic|poisonous|rotten|dead|off the (?:ground|floor|street|pavement)|"
            r"(?:in|on|from|at) (?:the|a|our|his|her|their|my) (?:garden|yard|park|woods|walk"
            r"|beach|"
            r"street|field|bin|trash|forest|path|road)|(?:he|she|it) shouldn't)",
            r"poison(?:ed|ing|ous)?",
            r"toxic",
            r"toxins?",
        ),
        "yes",
        "no",
        "unknown",
    ),
    Rule(
        "history.possible_toxin",
        r"(?:ate|eaten|swallowed|got hold of) something",
        "yes",
        None,
        "unknown",
    ),
    Rule(
        "history.possible_toxin",
        r"(?:ate|eaten|eat|had|got into|swallowed) anything",
        None,
        None,
        "unknown",
    ),
    # --- episode --------------------------------------------------------------------
    Rule(
        "episode.aware",
        alt(
            r"unresponsive",
            r"non-?responsive",
            r"unaware",
            r"not (?:with us|there|present)",
            r"(?:passed out|unconscious|lost consciousness|out cold)",
            r"(?:can't|cannot|couldn't) (?:hear|reach|wake|rouse) (?:him|her|it|us)",
            r"blank (?:stare|look)",
            r"(?:stares?|staring) (?:blankly|into space)",
            r"(?:zoned|spaced) out",
            r"in a trance",
            r"glazed (?:over|eyes)",
        ),
        "no",
    ),
    Rule(
        "episode.aware",
        alt(
            r"respond\w*(?: (?:to|when))?(?: (?:his|her|its|their) name| us| me| (?:being )?called"
            r"| touch)?",
            r"(?:wakes?|woke|waking)(?: up)?(?: (?:fine|normally|easily|immediately|at once"
            r"|straight "
            r"away|straightaway|right away|instantly|quickly))?(?: (?:as soon as|when|the moment"
            r"|the "
            r"second|if) (?:i|we|you|someone) (?:call|say|said|touch|speak)\w*)",
            r"(?:wakes?|woke)(?: up)? (?:easily|immediately|at once|straight away|straightaway"
            r"|right "
            r"away|instantly)",
            r"(?:looks?|looked|comes?|came) (?:up |over )?(?:as soon as|when|the moment|if) "
            r"(?:i|we|you) (?:call|say|speak)\w*",
            r"(?:fully |completely |totally )?(?:alert|aware|conscious|responsive)",
            r"(?:watches|watched|watching|follows|followed|following|looks at|looking at) (?:us"
            r"|me)",
            r"(?:takes?|took|take|eats?|ate) (?:a|his|her) treat",
            r"wags? (?:his|her|its) tail",
            r"knows? (?:we're|we are|i'm|i am) there",
            r"(?:comes|came) when called",
        ),
        "yes",
        "no",
        "unknown",
    ),
    Rule(
        "episode.afterwards",
        alt(
            r"disorient\w+",
            r"dazed",
            r"groggy",
            r"dopey",
            r"out of it",
            r"(?:bump\w*|walk\w*) into (?:things|walls|furniture)",
            r"(?:wobbly|unsteady|stumbling|wobbling|blind|pacing|restless) (?:afterwards"
            r"|after(?:wards)?"
            r" (?:it|each|the)|for (?:a while|a bit|some time|\w+ minutes?) after)",
            r"(?:takes?|took) (?:a while|some time|\w+ minutes?|ages) to (?:recover|come round"
            r"|come "
            r"around|come back)",
            r"not (?:him|her|it)self (?:afterwards|after)",
        ),
        "confused_or_wobbly",
        None,
        "unknown",
    ),
    Rule("episode.afterwards", r"confus\w+", "confused_or_wobbly", owner_guard=True),
    Rule(
        "episode.afterwards",
        alt(
            r"back to normal(?! (?:within|after|in|by|over)\b)",
            r"(?:back to )?(?:his|her|its) (?:usual|normal|old)(?: [\w-]+)? self",
            r"(?:fine|normal|ok|okay|himself|herself|itself) (?:afterwards|after(?:wards)?"
            r"|straight "
            r"after|right after|in between|between (?:episodes|them)|immediately after)",
            r"(?:he|she)(?:'s| is| was| seems?| seemed| looks?| looked) (?:completely |totally |"
            r"perfectly |absolutely |just |quite )?(?:normal|fine) (?:afterwards|after|in between"
            r"|again)",
            r"and (?:was|is|seems|seemed) (?:completely |totally |perfectly |absolutely |just )?"
            r"(?:normal|fine)",
            r"(?:wakes?|woke)(?: up)? (?:fine|normally|normal|happy|wagging)",
            r"no (?:confusion|disorientation|wobbliness)(?: afterwards| after)?",
            r"recover\w* (?:straight away|immediately|instantly|quickly|at once)",
        ),
        "normal",
        None,
        "unknown",
    ),
    Rule(
        "episode.pattern",
        alt(
            r"(?:won't|doesn't|does not|hasn't|has not|haven't|never|didn't) (?:seem to"
            r" )?stop(?:ped)?",
            rf"(?:constant(?:ly)?|continuous(?:ly)?|non-?stop)(?: \w+)? {EPISODE_VERB}",
            rf"{EPISODE_VERB}(?: \w+)? (?:constantly|continuously|non-?stop|all the time)",
            rf"(?:keeps?|kept) (?:on )?(?:{EPISODE_VERB}|jumping|quivering)",
            r"(?:steady|regular) rhythm",
            r"rhythmic(?:ally)?",
            r"every few seconds",
        ),
        "constant",
        scope="episode",
    ),
    Rule(
        "episode.pattern",
        alt(
            r"more (?:and more )?(?:often|frequent\w*)",
            r"increasingly (?:often|frequent)",
            r"getting more (?:often|frequent|common)",
            r"(?:happening|happens|happened) more",
            r"(?:twice|three times|four times|five times|several times|\d+ times) (?:today|this"
            r" morning|tonight|this evening|in "
            r"(?:a|one|the same) (?:day|hour|evening|night)|in \w+ hours)",
            r"(?:has had|had|'s had) (?:two|three|four|five|several|\d+|multiple) (?:already|today"
            r"|so "
            r"far)",
            r"cluster\w*",
            r"back[- ]to[- ]back",
        ),
        "more_often_lately",
    ),
    Rule(
        "episode.pattern",
        alt(
            r"(?:not|isn't|wasn't|is not|was not) (?:the|her|his|its) first (?:time|episode)",
            r"(?:has|have|had|'s) (?:had |done (?:this|it) )?(?:(?:\w+ )?episodes?|this|these|it"
            r"|them|"
            r"fits|seizures) (?:like this )?before",
            r"(?:has|have|'s) happened before",
            r"(?:happened|happens|done this|had (?:this|these|them|one)|seen (?:this|it))"
            r" (?:before|"
            r"in the past|previously)",
            r"(?:a few|several|many|multiple|lots of|a couple of) (?:times|episodes)",
            r"(?:going on|been happening|happening|had (?:them|these|this|it)) for (?:the"
            r" )?(?:past |"
            r"last |about |around |over |almost )?(?:a |\w+ )?(?:weeks?|months?|years?)",
            r"(?:once|twice|three times|four times|several times|\d+ times) (?:a|per|this|last|in"
            r" the past|in the last) (?:day|week|month|"
            r"year)",
            r"(?:happen\w*|doing it|did it|done it) again",
        ),
        "occasional",
    ),
    Rule(
        "episode.pattern",
        alt(
            r"now and (?:then|again)",
            r"every (?:now and then|so often|once in a while)",
            r"once in a while",
            r"from time to time",
            r"sometimes",
            r"occasional(?:ly)?",
            r"on and off",
            r"off and on",
            r"comes and goes",
            r"regularly",
            r"every (?:few |couple of |other |\w+ )?(?:days|weeks|months|nights|day|week|month"
            r"|night)",
            r"for (?:the )?(?:past|last) (?:\w+ )?(?:weeks?|months?|years?)",
        ),
        "occasional",
        scope="episode",
    ),
    Rule(
        "episode.pattern",
        alt(
            r"(?:first|1st) (?:time|episode|ever (?:episode|seizure|fit))(?! (?:it|this|that|he"
            r"|she)"
            r" (?:happened|did|started))",
            r"(?:never|not|hasn't|has not|hadn't|had not) (?:ever )?(?:happened|done (?:this|that"
            r"|it)|"
            r"had (?:anything like )?(?:this|one|an? (?:episode|seizure|fit)))(?: before)?",
            r"never (?:seen (?:this|him do this|her do this|it)) before",
            r"never before",
        ),
        "first_time",
    ),
    Rule(
        "episode.context",
        alt(
            r"(?:even|also) (?:when|while|if) (?:(?:he|she|it)(?:'s| is| was)? )?(?:lying|laying|"
            r"resting|still|asleep|sleeping|standing|sitting|awake|walking|eating|calm|relaxed"
            r"|quiet)",
            r"all the time",
            r"at any time",
            r"any time of (?:the )?day",
            r"(?:whether|both) (?:he's |she's )?(?:asleep|awake|resting|active|moving)",
            r"no matter what (?:he|she|it)(?:'s| is)? doing",
            r"(?:awake|asleep) (?:or|and) "
            r"(?:asleep|awake)",
        ),
        "any_time",
        scope="episode",
    ),
    Rule(
        "episode.context",
        alt(
            rf"(?:in|during) (?:{PRONOUN}|a) (?:sleep|nap|naps|dreams?)",
            r"(?:while|when|whilst|as) (?:(?:he|she|it)(?:'s| is| was)? )?(?:asleep|sleeping"
            r"|napping|"
            r"dozing|dreaming|snoozing|sleeps|naps|dozes|dreams|falls asleep)",
            r"asleep",
            r"napp\w+",
            r"naps?\b",
            r"dreaming",
            r"dozing",
            r"snooz\w+",
        ),
        "asleep",
        scope="episode",
    ),
    Rule(
        "episode.context",
        alt(
            r"(?:during|after|while|on|in the middle of|halfway through|at the end of|following|"
            r"straight after|right after|just after) (?:a |the |his |her |our |their |its |some "
            r"|an )?"
            r"(?:long |short |hard |big |fast |brisk |morning |evening )?(?:walk|walks|walkies|run|"
            r"runs|jog|hike|game|play|playing|exercise|exercising|fetch|agility|training|swim|"
            r"swimming|zoomies|frisbee|running|retrieving|workout|bike ride)",
            r"(?:while|when) (?:(?:he|she|it)(?:'s| is| was)? )?(?:running|playing|retrieving|"
            r"fetching|walking|exercising|hiking|swimming|jogging|chasing|working)",
            r"(?:hard|fast) running",
            r"of (?:hard |fast )?(?:running|exercise|play|fetch)",
            r"playing (?:fetch|ball)",
            r"retrieving",
            r"mid-(?:walk|run|game)",
        ),
        "during_or_after_exercise",
        scope="episode",
    ),
    says_nothing("episode.context", r"(?:lying|lay|laid|lies) on (?:his|her|its) side"),
    Rule(
        "episode.context",
        alt(
            r"(?:while|when|as|whenever|if) (?:(?:he|she|it)(?:'s| is| was)? )?(?:just )?(?:lying|"
            r"laying|lies|lays|resting|rests|relaxing|relaxes|sitting|sits|settled|settling|"
            r"chilling|lounging)",
            r"(?:lying|laying|lies|lay|lie) (?:down|still|around|there|quietly|resting|on (?:the"
            r"|his|"
            r"her|my|our) \w+)",
            r"(?:on|in) (?:the|his|her|my|our) (?:couch|sofa|lap|rug|mat|cushion)",
            r"resting",
            r"at rest",
            r"relaxing",
            r"(?:sitting|sat) (?:quietly|still|down)",
            r"rests?\b(?! of)",
        ),
        "resting_awake",
        scope="episode",
    ),
    Rule(
        "episode.duration",
        alt(
            r"(?:won't|doesn't|does not|hasn't|has not|haven't|never|didn't) (?:seem to"
            r" )?stop(?:ped)?",
            rf"(?:constant(?:ly)?|continuous(?:ly)?|non-?stop)(?: \w+)? {EPISODE_VERB}",
            rf"{EPISODE_VERB}(?: \w+)? (?:constantly|continuously|non-?stop)",
        ),
        "constant",
        scope="episode",
    ),
)

RULES: tuple[Rule, ...] = SIGN_RULES + FIELD_RULES

# When one text says two things about a field, the first listed value is kept: the one
# that matters more for triage ("was without water", then "drinking well now").
PREFERENCE: dict[str, tuple] = {
    "dog.pregnant_or_nursing": (True, False, "unknown"),
    "dog.vaccinations": ("not_up_to_date", "up_to_date", "unknown"),
    "history.recent_heavy_exercise": (True, False, "unknown"),
    "history.new_food_or_medication": (True, False, "unknown"),
    "history.low_water_intake": (True, False, "unknown"),
    "history.hot_weather_or_overheated": (True, False, "unknown"),
    "history.possible_toxin": ("yes", "unknown", "no"),
    "episode.aware": ("no", "yes", "unknown"),
    "episode.afterwards": ("confused_or_wobbly", "normal", "unknown"),
    "episode.pattern": ("constant", "more_often_lately", "occasional", "first_time"),
    "episode.context": ("any_time", "asleep", "during_or_after_exercise", "resting_awake"),
    "episode.duration": ("constant", "over_5_minutes", "under_5_minutes", "seconds"),
}
