"""English sentence-splitting data: abbreviations and sentence starters.

Data only; `provenance.segment.lang` turns it into rules. Entries are
lower-case and written without their final period ("u.s" for "U.S.").
"""

# Never end a sentence: a name or a number always follows.
TITLES = frozenset(
    """
    mr mrs ms messrs mmes dr prof gov sen sens rep reps gen gens lt col sgt
    capt cmdr adm maj brig cpl pvt rev hon pres supt det insp fr mt ft amb
    """.split()
)

# Never end a sentence, whatever follows.
NEVER_FINAL = frozenset("e.g i.e vs cf approx viz".split())

# End nothing when a number follows ("No. 1", "Art. 5"); ordinary words otherwise.
NUMBER_PREFIXES = frozenset("no nos art vol pp p fig ch sec para tel".split())

# Month abbreviations: not final before a day number ("Dec. 22"); otherwise
# ordinary words, since news abbreviates months only before a day and "Jun",
# "Jan" and "Mar" are also names ("Translated by Minji Jun. Edited by …").
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# May end a sentence: split only when a sentence start follows
# ("by IBM Corp. The company" splits, "Apple Inc. Chief Executive" does not).
AMBIGUOUS = frozenset(
    """
    inc corp co ltd bros llc plc jr sr st ave blvd rd dept univ assn est etc al
    calif fla mass wash ariz colo conn ill mich minn penn tenn tex va wis
    """.split()
)

# Words that, capitalised after an ambiguous abbreviation, start a new sentence.
SENTENCE_STARTERS = frozenset(
    """
    a an the this that these those there here it its he she they we i you his
    her their our my your but and or so yet also however meanwhile still then
    in on at as after before since when while if although though because for
    during under with without according last next earlier later now today
    yesterday some many most all no not one two both each other such what who
    why how where which more officials police authorities experts critics
    sometimes instead despite asked until unlike nothing nobody several few
    another every
    """.split()
)
