"""The motif lexicon: every picture element the engine knows, and the words that call it up.

A motif name is a stable identifier (snake_case): the painters draw each one, briefs and recipes
store it, so names are never renamed. ``phrases`` are the words and multi-word phrases that
choose the motif in a book's title, subtitle, summary or main elements; matching is
case-, accent- and inflection-insensitive (see ``normalise_words``), so plurals need not be
listed unless they are irregular.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CATEGORIES: tuple[str, ...] = (
    "celestial",
    "landscape",
    "weather",
    "architecture",
    "flora",
    "fauna",
    "figure",
    "object",
    "vehicle",
    "element",
    "abstract",
)


@dataclass(frozen=True)
class MotifInfo:
    name: str
    category: str
    phrases: tuple[str, ...]
    # How the motif reads in a sentence ("the moon", "stars"): used in prompts and edit replies.
    label: str = ""

    @property
    def display(self) -> str:
        return self.label or self.name.replace("_", " ")


def _m(name: str, category: str, phrases: str, label: str = "") -> MotifInfo:
    return MotifInfo(name, category, tuple(p.strip() for p in phrases.split(",") if p.strip()), label)


_MOTIF_LIST: tuple[MotifInfo, ...] = (
    # celestial
    _m(
        "moon",
        "celestial",
        "moon, full moon, crescent, crescent moon, half moon, blood moon, moonlight, moonlit, lunar",
    ),
    _m("sun", "celestial", "sun, sunshine, sunlight, sunrise, sunset, sunny, solar, rising sun, setting sun, sunbeam"),
    _m(
        "stars",
        "celestial",
        "star, starlight, starry, starry sky, night sky, constellation, starfield, stardust, shooting star, "
        "twinkle, astral",
    ),
    _m(
        "planet",
        "celestial",
        "planet, solar system, mars, jupiter, saturn, exoplanet, world ring, gas giant, alien world, orbit",
    ),
    _m("comet", "celestial", "comet, meteor, asteroid, meteorite, falling star"),
    _m(
        "galaxy",
        "celestial",
        "galaxy, spiral galaxy, nebula, cosmos, cosmic, milky way, universe, deep space, interstellar, galactic",
    ),
    _m("eclipse", "celestial", "eclipse, solar eclipse, lunar eclipse, black sun, black hole, event horizon"),
    # landscape
    _m(
        "mountains",
        "landscape",
        "mountain, mountain range, peak, alps, himalaya, highland, ridge, alpine, snowy peak, mount",
    ),
    _m("hills", "landscape", "hill, hillside, rolling hill, meadow, countryside, moor, glen, downs, shire"),
    _m("forest", "landscape", "forest, wood, woodland, wildwood, jungle, grove, rainforest, enchanted forest, pine"),
    _m("desert", "landscape", "desert, dune, sand dune, sahara, wasteland, badlands, oasis"),
    _m(
        "sea",
        "landscape",
        "sea, ocean, coast, coastal, coastline, shore, seaside, beach, tide, harbour, harbor, bay, seashore",
    ),
    _m("river", "landscape", "river, stream, creek, brook, riverbank, delta"),
    _m("lake", "landscape", "lake, pond, loch, lagoon"),
    _m("island", "landscape", "island, isle, archipelago, atoll, desert island"),
    _m("field", "landscape", "field, farm, farmland, prairie, pasture, grassland, savanna, meadowland"),
    _m("canyon", "landscape", "canyon, gorge, ravine, grand canyon, mesa"),
    _m("waterfall", "landscape", "waterfall, cascade, cataract"),
    _m("cliff", "landscape", "cliff, cliffside, precipice, clifftop, bluff, crag, edge of the cliff"),
    _m(
        "summit_flag",
        "landscape",
        "summit, mountaintop, mountain top, climb, climbing, flag on the peak, reach the top, top of the mountain",
        "a flag on a mountain peak",
    ),
    _m("volcano", "landscape", "volcano, volcanic, eruption, lava"),
    # weather
    _m("rain", "weather", "rain, rainy, rainfall, raindrop, downpour, drizzle, monsoon"),
    _m("snow", "weather", "snow, snowy, snowfall, snowflake, blizzard, winter, frost, frozen north"),
    _m("fog", "weather", "fog, foggy, mist, misty, haze, hazy, smog, murk"),
    _m("storm", "weather", "storm, stormy, tempest, hurricane, gale, thunderstorm, typhoon, thunder"),
    _m("lightning", "weather", "lightning, lightning bolt, thunderbolt, bolt"),
    _m("clouds", "weather", "cloud, cloudy, cloudy sky, overcast, heaven, cloudscape"),
    _m("rainbow", "weather", "rainbow"),
    # architecture
    _m("castle", "architecture", "castle, fortress, citadel, palace, stronghold, kingdom, court"),
    _m("tower", "architecture", "tower, spire, turret, skyscraper, wizard tower"),
    _m(
        "house",
        "architecture",
        "house, home, cottage, cabin, mansion, manor, haunted house, farmhouse, homestead, estate",
    ),
    _m(
        "city_skyline",
        "architecture",
        "city, skyline, city skyline, city lights, metropolis, downtown, urban, new york, london, paris, tokyo, "
        "neon city",
        "a city skyline",
    ),
    _m("lighthouse", "architecture", "lighthouse, beacon, lightkeeper"),
    _m("bridge", "architecture", "bridge, viaduct"),
    _m(
        "church",
        "architecture",
        "church, bell tower, chapel, cathedral, abbey, monastery, steeple, convent, faith, prayer",
    ),
    _m("ruins", "architecture", "ruin, ruined, rubble, wreckage, ancient city, fallen city, abandoned, collapse"),
    _m("temple", "architecture", "temple, shrine, pagoda, pyramid, sanctuary, mosque"),
    _m("gate", "architecture", "gate, gateway, portal, archway, arch"),
    _m("door", "architecture", "door, doorway, threshold, front door, secret door"),
    _m("window", "architecture", "window, lit window, windowsill, window light, glass pane"),
    _m("road", "architecture", "road, highway, lane, path, pathway, journey, trail, street, route, road trip"),
    _m("street_lamp", "architecture", "street lamp, streetlight, street light, lamppost, lamp post, gaslight"),
    _m("village", "architecture", "village, hamlet, town, hometown, small town, market town, inn, tavern, bakery"),
    # flora
    _m("tree", "flora", "tree, oak, willow, great tree, tree of life, orchard, branch"),
    _m(
        "bare_tree",
        "flora",
        "bare tree, dead tree, leafless tree, gnarled tree, withered tree, hanging tree",
        "a bare tree",
    ),
    _m("rose", "flora", "rose, red rose, rosebud, thorn, briar, black rose"),
    _m(
        "flowers",
        "flora",
        "flower, blossom, bloom, bouquet, floral, garden, petal, springtime, wildflower, daisy, lily, tulip, sunflower",
    ),
    _m("leaves", "flora", "leaf, leaves, foliage, autumn, autumn leaves, fall foliage, fern, ivy leaf"),
    _m("vines", "flora", "vine, ivy, creeper, bramble, tangle, overgrown"),
    _m("wheat", "flora", "wheat, harvest, grain, barley, corn, crop, rye"),
    _m("lotus", "flora", "lotus, water lily, lotus flower, meditation, mindfulness, zen"),
    _m("cherry_blossom", "flora", "cherry blossom, sakura, plum blossom, cherry tree", "cherry blossom"),
    _m("mushroom", "flora", "mushroom, toadstool, fungus, fungi, fairy ring"),
    # fauna
    _m("wolf", "fauna", "wolf, wolves, werewolf, wolf pack, howl, lycan"),
    _m("raven", "fauna", "raven, crow, rook, blackbird, corvid"),
    _m("bird", "fauna", "bird, dove, sparrow, swallow, eagle, hawk, falcon, seagull, gull, flock, wing, phoenix"),
    _m("horse", "fauna", "horse, stallion, pony, steed, unicorn, rider, cavalry, horseback"),
    _m("dragon", "fauna", "dragon, wyvern, wyrm, drake, dragonfire"),
    _m("cat", "fauna", "cat, kitten, kitty, tomcat, feline"),
    _m("owl", "fauna", "owl, owlet"),
    _m("butterfly", "fauna", "butterfly, moth, butterflies, caterpillar, metamorphosis"),
    _m("fish", "fauna", "fish, koi, goldfish, salmon, shark, fishing"),
    _m("deer", "fauna", "deer, stag, doe, fawn, elk, reindeer, antler"),
    _m("fox", "fauna", "fox, vixen"),
    _m("snake", "fauna", "snake, serpent, viper, cobra, python, sea serpent"),
    _m("whale", "fauna", "whale, orca, leviathan, moby dick"),
    # figure
    _m(
        "lone_figure",
        "figure",
        "man, stranger, figure, silhouette, lone figure, detective, agent, spy, killer, hero, survivor, traveller, "
        "traveler, wanderer, assassin, soldier, stranger in the dark",
        "a lone figure",
    ),
    _m(
        "couple",
        "figure",
        "couple, lovers, romance, kiss, embrace, newlyweds, husband and wife, sweethearts, love story",
    ),
    _m(
        "child",
        "figure",
        "child, kid, kids, little boy, little girl, young boy, young girl, schoolboy, schoolgirl, children, "
        "toddler, baby, little one, orphan",
    ),
    _m("warrior", "figure", "warrior, knight, fighter, gladiator, samurai, viking, army, battle, warlord, paladin"),
    _m(
        "woman",
        "figure",
        "woman, lady, girl, young woman, princess, heroine, mother, bride, witch, sister, widow, duchess",
    ),
    _m("runner", "figure", "runner, running, run, athlete, marathon, sprint, jogging, fitness, workout, exercise"),
    _m("hands", "figure", "hand, hands, holding hands, fingers, reaching hand, helping hand"),
    _m(
        "mind",
        "figure",
        "mind, brain, thought, thinking, psychology, memory, consciousness, idea, neuroscience",
        "a head in profile",
    ),
    # object
    _m("crown", "object", "crown, tiara, diadem, throne, king, queen, royal, royalty, reign, monarch, heir"),
    _m("dagger", "object", "dagger, knife, knives, blade, stiletto, murder weapon"),
    _m("sword", "object", "sword, swords, sabre, saber, katana, rapier, excalibur, swordsman"),
    _m("key", "object", "key, keys, keyhole, lock, locked, unlock, skeleton key"),
    _m("feather", "object", "feather, quill, plume"),
    _m("book", "object", "book, library, tome, grimoire, diary, journal, spellbook, manuscript, novel, reading"),
    _m("candle", "object", "candle, candlelight, candlelit, candlestick, vigil, wick"),
    _m("skull", "object", "skull, skeleton, bones, bone, death, corpse, grave, graveyard, cemetery, tomb"),
    _m("mask", "object", "mask, masquerade, disguise, masked, identity, secret identity, facade"),
    _m("clock", "object", "clock, pocket watch, clockwork, timepiece, midnight, deadline, countdown, ticking"),
    _m("compass", "object", "compass, navigation, direction, explorer, expedition, adventure"),
    _m("ring", "object", "ring, wedding ring, engagement ring, wedding, engagement, marriage, proposal, vow"),
    _m("heart", "object", "heart, heartbreak, heartbeat, broken heart, love, loved, beloved, valentine, cardiac"),
    _m("hourglass", "object", "hourglass, sand glass, sands of time, running out of time"),
    _m("lantern", "object", "lantern, lamp, torch, lamplight, paper lantern"),
    _m("map", "object", "map, atlas, chart of the sea, treasure map, cartography, territory, quest"),
    _m("letter", "object", "letter, envelope, correspondence, postcard, message, love letter"),
    _m(
        "chess_piece",
        "object",
        "chess, chess piece, pawn, chessboard, checkmate, gambit, strategy game",
        "a chess piece",
    ),
    _m("apple", "object", "apple, fruit, nutrition, diet, healthy eating, eat, food, forbidden fruit"),
    _m("globe", "object", "globe, planet earth, global, international, geography, worldwide"),
    # vehicle
    _m("ship", "vehicle", "ship, sailing ship, galleon, pirate ship, tall ship, vessel, voyage, pirate, fleet"),
    _m("car", "vehicle", "car, automobile, truck, taxi, getaway car, driver, driving, racing car"),
    _m("train", "vehicle", "train, railway, railroad, locomotive, steam train, express, station, subway"),
    _m(
        "spaceship",
        "vehicle",
        "spaceship, starship, spacecraft, rocket, space station, shuttle, ufo, flying saucer, mothership, astronaut",
    ),
    _m("boat", "vehicle", "boat, rowboat, canoe, sailboat, yacht, raft, fishing boat, ferry, gondola"),
    # element
    _m("fire", "element", "fire, flame, blaze, burning, burn, inferno, ember, ash, fiery, wildfire, bonfire"),
    _m("ice", "element", "ice, icy, glacier, iceberg, frozen, frost giant, crystal"),
    _m("smoke", "element", "smoke, smoky, smoulder, smolder, steam, vapour, vapor"),
    _m(
        "light_rays",
        "element",
        "light rays, ray of light, rays of light, sunburst, god rays, divine light, radiance, shining light, hope, "
        "enlightenment, spirit, spiritual",
        "rays of light",
    ),
    _m(
        "magic_sparks",
        "element",
        "magic, magical, spell, sorcery, sparks, sparkle, enchantment, enchanted, witchcraft, "
        "wizard, mage, sorcerer, arcane, fae, fairy",
        "magical sparks",
    ),
    _m("blood", "element", "blood, bloody, bleeding, bloodline, bloodshed, blood drop, vampire"),
    # abstract
    _m("runes", "abstract", "rune, runic, glyph, sigil, symbol, ancient script, inscription, hieroglyph"),
    _m("arrows", "abstract", "arrow, growth, progress, upward, success, scaling, scale up, grow your"),
    _m("grid", "abstract", "grid, network, matrix, circuit, data, digital, algorithm, code, cyber, virtual reality"),
    _m("waves", "abstract", "wave, waves, ripple, sound wave, frequency, vibration, flow, surf"),
    _m(
        "chart",
        "abstract",
        "chart, graph, bar chart, statistics, economics, economy, market, finance, financial, investing, "
        "investment, money, wealth, profit, stock market, business",
    ),
    _m("spiral", "abstract", "spiral, vortex, whirlpool, swirl, labyrinth, maze, hypnosis, infinity, cycle"),
)

MOTIFS: dict[str, MotifInfo] = {m.name: m for m in _MOTIF_LIST}

# Motifs named with "the" in a sentence, and those that take no article (plurals, mass nouns).
_WITH_THE = frozenset({"moon", "sun", "city_skyline", "sea", "galaxy", "eclipse", "globe", "summit_flag"})
_NO_ARTICLE = frozenset(
    {
        "stars", "mountains", "hills", "flowers", "leaves", "vines", "clouds", "ruins", "runes", "arrows", "waves",
        "hands", "magic_sparks", "light_rays", "fog", "rain", "snow", "smoke", "fire", "ice", "blood", "wheat",
        "lightning", "forest", "desert", "cherry_blossom",
    }
)  # fmt: skip
MASS_MOTIFS = frozenset({"fog", "rain", "snow", "smoke", "fire", "ice", "blood", "wheat", "lightning", "sea"})


def motif_word(name: str) -> str:
    """The motif as a bare noun phrase: 'moon', 'city skyline', 'flag on a mountain peak'."""
    label = MOTIFS[name].display
    for article in ("a ", "an ", "the "):
        if label.startswith(article):
            return label[len(article) :]
    return label


def motif_noun(name: str) -> str:
    """The motif as it reads in a sentence: 'the moon', 'stars', 'a castle', 'an owl'."""
    label = MOTIFS[name].display
    if name in _WITH_THE:
        return f"the {motif_word(name)}"
    if name in _NO_ARTICLE or label.startswith(("a ", "an ", "the ")):
        return label
    return f"{'an' if label[0] in 'aeiou' else 'a'} {label}"


# ---------------------------------------------------------------------------------------------
# Word normalisation and matching
# ---------------------------------------------------------------------------------------------

_IRREGULAR: dict[str, str] = {
    "women": "woman",
    "men": "man",
    "children": "child",
    "wolves": "wolf",
    "knives": "knife",
    "leaves": "leaf",
    "thieves": "thief",
    "lives": "life",
    "wives": "wife",
    "elves": "elf",
    "dwarves": "dwarf",
    "dwarfs": "dwarf",
    "hooves": "hoof",
    "scarves": "scarf",
    "shelves": "shelf",
    "selves": "self",
    "mice": "mouse",
    "geese": "goose",
    "teeth": "tooth",
    "feet": "foot",
    "people": "person",
    "fishes": "fish",
    "heroes": "hero",
    "volcanoes": "volcano",
    "tomatoes": "tomato",
    "potatoes": "potato",
    "echoes": "echo",
    "cacti": "cactus",
    "fungi": "fungus",
    "oases": "oasis",
    "crises": "crisis",
    "does": "do",
    "runes": "rune",
    "ran": "run",
    "flew": "fly",
    "flown": "fly",
    "grew": "grow",
    "drove": "drive",
    "driven": "drive",
    "rode": "ride",
    "ridden": "ride",
    "burnt": "burn",
    "fell": "fall",
    "fallen": "fall",
    "froze": "freeze",
    "sank": "sink",
    "sunk": "sink",
    "sailed": "sail",
}

_KEEP = frozenset(
    {
        # words whose "s"/"ed"/"ing" ending is not an inflection
        "glass", "chess", "cross", "moss", "boss", "kiss", "dress", "mass", "grass", "compass", "fortress",
        "princess", "duchess", "witness", "darkness", "wilderness", "abyss", "bus", "chaos", "cosmos",
        "atlas", "canvas", "iris", "lotus", "cactus", "fungus", "oasis", "crisis", "genesis", "series",
        "species", "news", "always", "perhaps", "alps", "falls", "bed", "red", "shed", "sled", "sacred",
        "hundred", "king", "ring", "wing", "string", "spring", "thing", "sing", "sting", "swing", "bring",
        "ceiling", "evening", "morning", "nothing", "something", "everything", "during", "sibling",
        "darling", "viking", "pudding", "wedding", "building", "feeling", "ending", "beginning", "wedged",
        "python", "downs", "express", "odyssey", "abbess", "rune", "mars", "lettering", "training", "bearing",
    }
)  # fmt: skip

_DOUBLE = re.compile(r"([bdfgkmnprtvz])\1$")


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Château' -> 'chateau', 'NAÏVE' -> 'naive'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _strip_suffix(word: str) -> tuple[str, bool]:
    """The word without its inflection, and whether a verb ending (-ing, -ed) was removed."""
    w = word
    if w in _IRREGULAR:
        return _IRREGULAR[w], False
    if w in _KEEP or len(w) <= 3:
        return w, False
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y", False
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2], False
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1], False
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        return (w[:-1] if _DOUBLE.search(w) else w), True
    if w.endswith("ed") and not w.endswith("eed") and len(w) > 4:
        w = w[:-2]
        if w.endswith("i"):
            return w[:-1] + "y", True
        return (w[:-1] if _DOUBLE.search(w) else w), True
    return w, False


def stem(word: str) -> str:
    """A small, predictable English stemmer for matching (applied to text and phrases alike).

    It only has to map the forms a cover brief meets to one key: plurals ("stars", "cities",
    "churches"), -ing and -ed forms ("burning", "haunted", "running"). A verb form whose stem lost
    a silent e ("smoking", "blazing") gets it back when the lexicon knows that word, so "care" never
    becomes "car".
    """
    base, verbal = _strip_suffix(word)
    if verbal and base not in _VOCABULARY and base + "e" in _VOCABULARY:
        return base + "e"
    return base


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Folded words of a text, possessive 's dropped: "The Dragon's Rest" -> ['the', 'dragon', 'rest']."""
    folded = re.sub(r"['’](s\b)?", "", fold(text))
    return _WORD.findall(folded)


def normalise_words(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


# The base words of every phrase (no -ing/-ed forms): lets stem() restore a silent e.
def _all_phrases() -> list[str]:
    from .subjects import SUBJECTS

    out = [p for m in _MOTIF_LIST for p in (m.name.replace("_", " "), *m.phrases)]
    return out + [p for s in SUBJECTS.values() for p in s.phrases]


_VOCABULARY: frozenset[str] = frozenset(
    base for phrase in _all_phrases() for base, verbal in map(_strip_suffix, words(phrase)) if not verbal
)

# ---------------------------------------------------------------------------------------------
# Subjects: the icon-drawn things of ``cover_engine.subjects`` join the hand-drawn motifs
# ---------------------------------------------------------------------------------------------

CORE_MOTIFS: tuple[str, ...] = tuple(m.name for m in _MOTIF_LIST)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(phrase))


def _with_subjects(core: tuple[MotifInfo, ...]) -> tuple[MotifInfo, ...]:
    """The hand-drawn motifs, then every subject the text of a book can name unambiguously.

    A subject named like a motif (castle, owl) is that motif: its icon is one more way to draw it.
    A subject takes a phrase from a motif only when the table says so (``!detective``), because the
    motif drew a stand-in; otherwise the motifs keep their words and a subject whose name is taken
    stays drawable by name but is not looked for in text. A name too common a word ("seal", "pilot")
    is never looked for itself; its safe synonyms ("aviator") still are.
    """
    from .subjects import SUBJECTS

    claimed = {_key(p): s.name for s in SUBJECTS.values() for p in s.claims}
    motifs = [
        MotifInfo(m.name, m.category, tuple(p for p in m.phrases if _key(p) not in claimed), m.label) for m in core
    ]
    owner: dict[tuple[str, ...], str] = {}
    for m in motifs:
        for phrase in (m.name.replace("_", " "), *m.phrases):
            owner.setdefault(_key(phrase), m.name)
    for s in SUBJECTS.values():
        own = s.name.replace("_", " ")
        # A subject whose own name is a motif's word is that motif; one whose name is too common a word
        # ("cook", "pilot", "rock") is still called up by its safe synonyms ("chef", "aviator", "boulder").
        if s.name in owner.values() or _key(own) in owner or not s.lexicon_phrases:
            continue
        phrases = []
        for phrase in s.lexicon_phrases:
            key = _key(phrase)
            if key and key not in owner:
                owner[key] = s.name
                phrases.append(phrase)
        # A subject that took a motif's word reads by it: "a witch", not "a woman mage".
        label = next((p for p in s.claims if p in phrases), "")
        motifs.append(MotifInfo(s.name, s.category, tuple(phrases), label))
    return tuple(motifs)


_MOTIF_LIST = _with_subjects(_MOTIF_LIST)
MOTIFS.clear()
MOTIFS.update((m.name, m) for m in _MOTIF_LIST)
# A subject named in the plural ("books", "musical notes") takes no article.
_NO_ARTICLE = _NO_ARTICLE | {
    n for n in MOTIFS if n not in CORE_MOTIFS and n.endswith("s") and stem(n.rsplit("_", 1)[-1]) != n.rsplit("_", 1)[-1]
}

# Phrases whose words would otherwise call up a motif they do not mean ("a key witness", "next door").
STOP_PHRASES: tuple[str, ...] = (
    "key witness", "key player", "key figure", "key role", "key question", "key to", "key moment", "next door",
    "race against time", "on the run", "in the wake", "at the heart", "heart of the", "fall in love", "falls in love",
    "fell in love", "sparks fly", "this book", "the book shows", "in this book", "world war", "new world",
    "old world", "time is running out", "ring true", "bear witness",
    "right hand", "first hand", "hand in hand", "on the other hand", "fire up", "chapter book", "picture book",
    "bear in mind", "cannot bear", "cant bear", "couldnt bear", "bear the", "to bear", "bear fruit", "bear with",
    "bear a", "bear it", "bear no",
)  # fmt: skip


@dataclass(frozen=True)
class Match:
    motif: str
    phrase: str  # the words as written in the text (folded)
    start: int  # word index in the text
    end: int  # exclusive


def _phrase_index() -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for motif in _MOTIF_LIST:
        # A subject's name is looked for only when it is one of its phrases: "rock" or "pilot" is too
        # common a word ("rock music", "a pilot scheme"); "boulder" and "aviator" are not.
        own = (motif.name.replace("_", " "),) if motif.name in CORE_MOTIFS else ()
        for phrase in (*own, *motif.phrases):
            key = tuple(normalise_words(phrase))
            if key and key not in index:
                index[key] = motif.name
    return index


PHRASE_INDEX: dict[tuple[str, ...], str] = _phrase_index()
# What the matcher consults: motif phrases plus stop phrases (which match to "" and are skipped).
_MATCH_INDEX: dict[tuple[str, ...], str] = {
    **PHRASE_INDEX,
    **{tuple(normalise_words(p)): "" for p in STOP_PHRASES},
}
_MAX_PHRASE = max(len(k) for k in _MATCH_INDEX)


def find_motifs(text: str) -> list[Match]:
    """Every motif mention in ``text``, left to right; longer phrases win over the words inside them."""
    raw = words(text)
    stems = [stem(w) for w in raw]
    found: list[Match] = []
    i = 0
    while i < len(stems):
        for size in range(min(_MAX_PHRASE, len(stems) - i), 0, -1):
            motif = _MATCH_INDEX.get(tuple(stems[i : i + size]))
            if motif is not None:
                if motif:
                    found.append(Match(motif, " ".join(raw[i : i + size]), i, i + size))
                i += size
                break
        else:
            i += 1
    return found
