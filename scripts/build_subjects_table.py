# ruff: noqa: E501  (the curation tables below read best one subject a line)
"""Seeds cover_engine/subjects/subjects.tsv from the installed Iconify sets (run once; the TSV is then curated).

    .venv/bin/python scripts/build_subjects_table.py [--write]

The emoji sets name their icons descriptively (``hedgehog``, ``man-detective``) and group them
(Animals & Nature, Travel & Places...): that gives a name, a category and a first phrase per subject.
The tables below add what a name cannot say: which emoji are not pictures (buttons, clock faces,
hand signs), category splits, synonyms, broader terms, and subjects only the symbol sets draw
(Material Design Icons, Phosphor). Without --write it prints counts and the rows it would write.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "vendor" / "iconify" / "node_modules" / "@iconify-json"
OUT = ROOT / "cover_engine" / "subjects" / "subjects.tsv"

FLAT, HC = "fluent-emoji-flat", "fluent-emoji-high-contrast"

RENAME = {
    "1st-place-medal": "gold_medal", "2nd-place-medal": "silver_medal", "3rd-place-medal": "bronze_medal",
    "phoenix-bird": "phoenix", "piata": "pinata", "t-rex": "tyrannosaurus", "spouting-whale": "spouting_whale",
    "pool-8-ball": "pool_ball", "x-ray": "x_ray", "womans-hat": "ladies_hat", "womans-boot": "ladies_boot",
    "womans-sandal": "sandal", "womans-clothes": "blouse", "mans-shoe": "mens_shoe", "yo-yo": "yoyo",
    "e-mail": "email", "t-shirt": "tee_shirt", "jack-o-lantern": "jack_o_lantern", "oden": "oden_skewer",
    "man-merpeople": "merman", "woman-merpeople": "mermaid", "person-merpeople": "merperson",
    "magnifying-glass-tilted-left": "magnifying_glass", "ballot-box-with-ballot": "ballot_box",
    "skull-and-crossbones": "skull_and_crossbones", "globe-showing-europe-africa": "globe_europe_africa",
    "globe-showing-americas": "globe_americas", "globe-showing-asia-australia": "globe_asia",
}  # fmt: skip

# Emoji that are not pictures of a thing: buttons, signs, gestures, faces, duplicates.
SKIP_PATTERNS = re.compile(
    r"(oclock|thirty|keycap|-button|^japanese-|pointing|facing-right|^input-|-square$|-circle$|-diamond$|"
    r"arrow|^speaker-|^mobile-phone-|^no-|^closed-mailbox|^open-mailbox|-moon-face$|^sun-behind|"
    r"-with-slash$|^index-|fingers|^palm|-hand$|-hands$|heart$|-face$|^face-|-cat$|^cat-with|^kissing|"
    r"gesturing|facepalming|shrugging|pouting|frowning|tipping-hand|raising-hand|bowing|deaf|-hair$|-bald$|"
    r"-beard$|getting-|fist$|gesture$|finger|^biting-lip$|^bust-in|^busts-in|with-bunny-ears|-levitating|hugging|^man-in-m|^woman-in-m|^person-in-m|magnifying-glass-tilted-right)"
)
KEEP_DESPITE = {
    "folded-hands", "open-hands", "clapping-hands", "raising-hands", "writing-hand", "waving-hand", "raised-hand",
    "anatomical-heart", "broken-heart", "red-heart", "mending-heart", "heart-on-fire", "heart-with-arrow",
    "black-heart", "sparkling-heart", "white-flag", "black-flag", "hollow-red-circle", "sun-with-face",
    "full-moon", "new-moon", "crescent-moon", "first-quarter-moon", "last-quarter-moon", "dragon-face",
    "person-in-manual-wheelchair", "man-in-manual-wheelchair", "woman-in-manual-wheelchair",
    "person-in-lotus-position", "man-in-lotus-position", "woman-in-lotus-position",
    "cowboy-hat-face", "clown-face", "people-hugging", "palm-tree", "bow-and-arrow",
}  # fmt: skip
SMILEYS_KEPT = {
    "alien", "alien-monster", "ghost", "goblin", "ogre", "robot", "skull", "skull-and-crossbones", "clown-face",
    "bomb", "broken-heart", "red-heart", "mending-heart", "heart-on-fire", "heart-with-arrow", "black-heart",
    "sparkling-heart", "love-letter", "collision", "hole", "see-no-evil-monkey", "cowboy-hat-face",
    "speech-balloon", "thought-balloon", "zzz", "dizzy", "sweat-droplets", "dashing-away", "kiss-mark",
    "hundred-points", "exploding-head",
}  # fmt: skip
SYMBOLS_KEPT = {
    "aquarius", "aries", "cancer", "capricorn", "gemini", "leo", "libra", "pisces", "sagittarius", "scorpio",
    "taurus", "virgo", "ophiuchus", "atom-symbol", "biohazard", "radioactive", "peace-symbol", "yin-yang",
    "infinity", "fleur-de-lis", "star-of-david", "star-and-crescent", "latin-cross", "orthodox-cross", "om",
    "wheel-of-dharma", "menorah", "khanda", "trident-emblem", "medical-symbol", "recycling-symbol", "warning",
    "eight-pointed-star", "dotted-six-pointed-star", "sparkle", "female-sign", "male-sign", "transgender-symbol",
    "red-question-mark", "red-exclamation-mark", "prohibited", "check-mark", "cross-mark", "copyright",
    "place-of-worship", "heavy-dollar-sign", "currency-exchange", "name-badge", "sos-button",
}  # fmt: skip
FLAGS_KEPT = {"black-flag", "chequered-flag", "pirate-flag", "rainbow-flag", "triangular-flag", "white-flag"}

PLANTS = set(
    "blossom bouquet cactus cherry-blossom deciduous-tree evergreen-tree fallen-leaf four-leaf-clover herb "
    "hibiscus hyacinth leaf-fluttering-in-wind lotus maple-leaf palm-tree potted-plant rose seedling shamrock "
    "sheaf-of-rice sunflower tulip white-flower wilted-flower coral tanabata-tree christmas-tree pine-decoration "
    "wood brown-mushroom mushroom".split()
)
ANIMAL_OBJECTS = set(
    "feather wing spider-web paw-prints empty-nest nest-with-eggs rosette spiral-shell microbe".split()
)
BIRDS = set(
    "baby-chick bird blackbird chicken dodo dove duck eagle flamingo front-facing-baby-chick goose hatching-chick "
    "owl parrot peacock penguin phoenix-bird rooster swan turkey".split()
)
SEA = set("blowfish dolphin fish octopus seal shark spouting-whale tropical-fish whale jellyfish crab lobster shrimp "
          "squid oyster coral".split())  # fmt: skip
BUGS = set("ant beetle bug butterfly cockroach cricket fly honeybee lady-beetle mosquito scorpion snail spider worm "
           "microbe".split())  # fmt: skip
REPTILES = set("crocodile lizard snake turtle sauropod t-rex frog dragon dragon-face".split())
FLYING = BIRDS - {"baby-chick", "chicken", "dodo", "duck", "front-facing-baby-chick", "goose", "hatching-chick",
                  "penguin", "rooster", "turkey", "peacock", "flamingo"} | {"bat", "butterfly", "honeybee", "fly",
                  "mosquito", "ladybird", "airplane", "helicopter", "small-airplane", "flying-saucer", "rocket",
                  "parachute", "kite", "balloon", "dragon", "satellite", "comet", "shooting-star"}  # fmt: skip

TRAVEL_VEHICLE = set(
    "aerial-tramway airplane ambulance articulated-lorry auto-rickshaw automobile bicycle bullet-train bus canoe "
    "delivery-truck ferry fire-engine flying-saucer helicopter high-speed-train kick-scooter light-rail locomotive "
    "manual-wheelchair metro minibus monorail motor-boat motor-scooter motorcycle motorized-wheelchair "
    "mountain-cableway mountain-railway oncoming-automobile oncoming-bus oncoming-police-car oncoming-taxi "
    "parachute passenger-ship pickup-truck police-car racing-car railway-car rocket sailboat satellite ship "
    "skateboard small-airplane speedboat sport-utility-vehicle suspension-railway taxi tractor train tram "
    "tram-car trolleybus roller-skate".split()
)
TRAVEL_ARCH = set(
    "bank barber-pole bridge-at-night building-construction bus-stop carousel-horse castle church circus-tent "
    "cityscape cityscape-at-dusk classical-building convenience-store department-store derelict-house factory "
    "ferris-wheel fountain fuel-pump hindu-temple horizontal-traffic-light hospital hotel house house-with-garden "
    "houses hut japanese-castle japanese-post-office kaaba love-hotel mosque office-building playground-slide "
    "post-office railway-track roller-coaster school shinto-shrine stadium station statue-of-liberty stop-sign "
    "synagogue tent tokyo-tower vertical-traffic-light wedding brick construction motorway camping "
    "moai headstone door window".split()
)
TRAVEL_LAND = set(
    "beach-with-umbrella desert desert-island mount-fuji mountain national-park snow-capped-mountain volcano "
    "rock sunrise-over-mountains hot-springs map-of-japan world-map water-wave night-with-stars sunset sunrise "
    "milky-way globe-with-meridians".split()
)
TRAVEL_SKY = set(
    "comet crescent-moon first-quarter-moon full-moon glowing-star last-quarter-moon new-moon ringed-planet "
    "shooting-star star sun sun-with-face waning-crescent-moon waning-gibbous-moon waxing-crescent-moon "
    "waxing-gibbous-moon".split()
)
TRAVEL_WEATHER = set(
    "cloud cloud-with-lightning cloud-with-lightning-and-rain cloud-with-rain cloud-with-snow cyclone fog foggy "
    "rainbow snowflake snowman snowman-without-snow tornado umbrella-with-rain-drops wind-face high-voltage "
    "droplet closed-umbrella umbrella umbrella-on-ground".split()
)
ELEMENTS = set("fire droplet high-voltage collision sparkles sparkle fireworks sparkler bubbles water-wave dizzy "
               "drop-of-blood".split())  # fmt: skip

# Synonyms and better words (comma-separated, singular). The name's own words come first automatically.
WORDS: dict[str, str] = {
    "hedgehog": "porcupine", "hot_air_balloon": "hot air balloon, air balloon, montgolfier", "teddy_bear": "teddy",
    "bear": "grizzly, grizzly bear, brown bear", "polar_bear": "white bear, ice bear", "lion": "lioness",
    "tiger": "tigress", "cat": "", "dog": "puppy, pup, hound, doggy", "rabbit": "bunny, hare",
    "mouse": "field mouse, little mouse", "deer": "", "unicorn": "", "tyrannosaurus": "t rex, dinosaur",
    "sauropod": "brontosaurus, diplodocus, brachiosaurus", "dove": "", "eagle": "", "owl": "",
    "spouting_whale": "spouting whale", "octopus": "kraken", "honeybee": "bee, bumblebee, honey bee",
    "lady_beetle": "ladybird, ladybug", "snail": "slug", "turtle": "tortoise, sea turtle",
    "frog": "toad", "monkey": "chimp, chimpanzee", "gorilla": "ape", "elephant": "", "penguin": "",
    "man_detective": "male detective, sherlock", "woman_detective": "female detective, lady detective",
    "detective": "private eye, sleuth, investigator, gumshoe", "ninja": "shinobi", "guard": "guardsman, sentry",
    "person_fencing": "fencer, fencing", "santa_claus": "santa, father christmas, saint nick",
    "mrs_claus": "mother christmas", "princess": "", "prince": "", "troll": "",
    "man_mage": "sorcerer, warlock", "woman_mage": "sorceress, enchantress", "person_mage": "mage",
    "man_vampire": "dracula", "woman_vampire": "vampiress", "person_vampire": "",
    "man_zombie": "", "person_zombie": "zombie, undead, walking dead", "person_fairy": "fairy, pixie, sprite",
    "woman_fairy": "tooth fairy", "person_elf": "elf", "woman_elf": "elf maiden", "man_elf": "elf lord",
    "person_genie": "genie, djinn, jinn", "merperson": "merfolk", "mermaid": "siren", "merman": "triton",
    "person_superhero": "superhero, superheroine", "person_supervillain": "supervillain, villain",
    "man_superhero": "male superhero", "woman_superhero": "female superhero",
    "person_running": "jogger", "person_walking": "walker, pedestrian, hiker", "person_climbing": "climber, mountaineer",
    "person_swimming": "swimmer", "person_surfing": "surfer", "person_biking": "cyclist, bike rider",
    "person_rowing_boat": "rower, oarsman", "person_golfing": "golfer", "person_juggling": "juggler",
    "person_lifting_weights": "weightlifter, bodybuilder", "person_in_bed": "sleeper", "person_kneeling": "kneeling",
    "person_in_lotus_position": "yogi, yoga", "person_cartwheeling": "gymnast, acrobat",
    "person_wrestling": "wrestler, wrestling", "person_taking_bath": "bather", "person_in_tuxedo": "tuxedo",
    "person_with_veil": "bride, veil", "man_dancing": "dancer, male dancer", "woman_dancing": "female dancer, ballerina",
    "person_mountain_biking": "mountain biker", "person_standing": "standing figure",
    "person_with_white_cane": "blind person", "horse_racing": "jockey, horse race",
    "police_officer": "policeman, policewoman, cop, officer", "firefighter": "fireman",
    "health_worker": "doctor, nurse, physician", "scientist": "chemist, researcher", "judge": "magistrate",
    "farmer": "gardener", "cook": "chef, baker", "student": "graduate", "teacher": "professor, tutor",
    "technologist": "programmer, coder, hacker", "office_worker": "businessman, businesswoman, clerk",
    "mechanic": "engineer", "astronaut": "cosmonaut, spaceman", "artist": "painter",
    "singer": "rock star, pop star", "baby_angel": "cherub, cupid", "old_man": "grandfather, grandpa, old man",
    "old_woman": "grandmother, grandma, granny, old woman", "older_person": "elder, old person, pensioner",
    "pregnant_woman": "pregnancy, expecting mother", "breast_feeding": "nursing mother, newborn",
    "baby": "infant, newborn baby", "boy": "son", "girl": "daughter", "people_hugging": "hug, hugging",
    "bust_in_silhouette": "silhouette of a head", "busts_in_silhouette": "crowd, group of people",
    "castle": "", "japanese_castle": "shogun castle", "classical_building": "parthenon, greek temple, museum, courthouse",
    "mosque": "minaret, dome", "kaaba": "mecca", "hindu_temple": "mandir", "synagogue": "", "shinto_shrine": "torii",
    "derelict_house": "haunted mansion, derelict house, abandoned house", "hut": "shack, shed",
    "house_with_garden": "family home, suburban house", "houses": "neighbourhood, neighborhood, suburb",
    "circus_tent": "circus, big top", "ferris_wheel": "fairground, funfair, carnival", "tent": "campsite, tipi, teepee, wigwam",
    "camping": "camp", "statue_of_liberty": "", "tokyo_tower": "", "stadium": "arena", "school": "schoolhouse",
    "hospital": "", "factory": "mill, plant", "office_building": "office", "moai": "easter island, stone head",
    "headstone": "gravestone, tombstone", "coffin": "casket", "funeral_urn": "urn", "fountain": "",
    "automobile": "sedan", "racing_car": "race car, formula one", "police_car": "squad car", "bicycle": "bike",
    "motorcycle": "motorbike", "airplane": "aeroplane, plane, aircraft, jet, airliner", "helicopter": "chopper",
    "rocket": "", "flying_saucer": "", "sailboat": "", "canoe": "kayak", "locomotive": "steam engine",
    "tractor": "", "passenger_ship": "cruise ship, ocean liner, liner", "ship": "steamship, steamer",
    "anchor": "", "hourglass_done": "", "balloon": "party balloon", "kite": "", "crystal_ball": "fortune teller, seer",
    "magic_wand": "wand", "teddy": "", "game_die": "dice, die", "puzzle_piece": "jigsaw, jigsaw puzzle",
    "chess_pawn": "", "joker": "jester", "performing_arts": "theatre, theater, drama masks",
    "artist_palette": "palette, painting", "framed_picture": "painting, portrait, portrait painting, oil painting, framed portrait", "trophy": "trophy cup, world cup, champion",
    "gold_medal": "medal, gold medal, olympics", "soccer_ball": "football, soccer", "basketball": "",
    "american_football": "", "tennis": "tennis ball", "video_game": "gamepad, controller", "joystick": "arcade",
    "wrapped_gift": "gift, present, birthday present", "party_popper": "party, celebration",
    "christmas_tree": "christmas", "jack_o_lantern": "halloween, pumpkin lantern",
    "fireworks": "firework, new year", "sparkler": "", "guitar": "electric guitar, acoustic guitar",
    "violin": "fiddle, cello, viola", "trumpet": "horn, bugle", "saxophone": "sax, jazz", "drum": "drummer",
    "long_drum": "", "banjo": "", "accordion": "", "flute": "recorder", "musical_keyboard": "piano, keyboard",
    "microphone": "karaoke", "studio_microphone": "podcast", "musical_score": "sheet music, score",
    "musical_note": "melody, music note", "musical_notes": "music, song", "headphone": "headphones",
    "radio": "", "television": "tv", "camera": "photograph, photography", "movie_camera": "film, cinema, movie",
    "film_projector": "projector", "clapper_board": "film set, hollywood", "telephone": "phone",
    "laptop": "notebook computer", "desktop_computer": "computer, pc", "robot": "android, cyborg, automaton",
    "light_bulb": "lightbulb, bulb, invention", "flashlight": "torchlight", "diya_lamp": "diya, clay lamp",
    "red_paper_lantern": "chinese lantern", "open_book": "", "closed_book": "", "books": "bookshelf, stack of books",
    "scroll": "parchment", "newspaper": "headline", "envelope": "", "package": "parcel, box",
    "pencil": "", "fountain_pen": "pen nib", "paintbrush": "brush", "crayon": "", "scissors": "shears",
    "briefcase": "suitcase", "luggage": "baggage", "backpack": "rucksack, satchel", "umbrella": "parasol",
    "top_hat": "", "billed_cap": "baseball cap", "graduation_cap": "mortarboard, graduation", "crown": "",
    "gem_stone": "gem, jewel, diamond ring, gemstone", "money_bag": "sack of money, loot", "coin": "coins, gold coin",
    "dollar_banknote": "dollar, banknote, cash", "credit_card": "", "balance_scale": "scales of justice, justice",
    "bow_and_arrow": "bow and arrows, archery, longbow", "crossed_swords": "duel, crossed swords",
    "shield": "", "axe": "hatchet", "hammer": "", "wrench": "spanner", "gear": "cog, cogwheel, machinery",
    "chains": "chain, shackles", "broken_chain": "freedom", "magnet": "", "alembic": "alchemy, alchemist",
    "test_tube": "", "microscope": "", "telescope": "stargazing", "dna": "genetics, double helix, genome",
    "syringe": "vaccine, injection", "pill": "medicine, pills", "stethoscope": "", "adhesive_bandage": "plaster",
    "door": "", "bed": "bedroom", "couch_and_lamp": "sofa, living room, lamp", "chair": "armchair",
    "toilet": "", "bathtub": "bath", "broom": "broomstick, witch broom", "basket": "picnic basket",
    "ladder": "rope ladder, stepladder, step ladder", "mirror": "looking glass", "window": "", "hook": "pirate hook", "pick": "pickaxe",
    "hammer_and_pick": "mining, miner", "bomb": "", "water_pistol": "toy gun, water gun", "boomerang": "",
    "dagger": "", "old_key": "skeleton key, old key", "locked": "padlock", "bell": "", "candle": "",
    "moon_viewing_ceremony": "", "ribbon": "bow ribbon", "sewing_needle": "sewing, needle",
    "yarn": "knitting, ball of wool", "thread": "spool", "knot": "rope", "compass": "", "world_map": "world map",
    "globe_with_meridians": "", "mountain": "", "snow_capped_mountain": "snowy mountain", "volcano": "",
    "desert_island": "castaway, shipwrecked, deserted island", "beach_with_umbrella": "beach holiday, holiday, vacation",
    "national_park": "", "rock": "boulder, stone, pebble", "wood": "log, logs, firewood, timber",
    "cityscape": "", "night_with_stars": "", "milky_way": "", "sunrise_over_mountains": "mountain sunrise",
    "rainbow": "", "tornado": "twister, whirlwind", "cyclone": "", "snowman": "frosty",
    "umbrella_with_rain_drops": "rainy day", "wind_face": "wind, windy, breeze, gust", "skull": "", "ghost": "phantom, spook, spectre, specter",
    "alien": "extraterrestrial, martian", "alien_monster": "space invader", "ogre": "oni", "goblin": "tengu",
    "clown_face": "clown", "pile_of_poo": "", "red_heart": "", "love_letter": "", "cowboy_hat_face": "cowboy",
    "speech_balloon": "speech bubble, dialogue, conversation", "thought_balloon": "thought bubble",
    "zzz": "sleep, sleepy, asleep", "crystal": "", "bread": "loaf", "baguette_bread": "baguette",
    "croissant": "", "birthday_cake": "birthday, cake", "shortcake": "cake slice, slice of cake", "cupcake": "muffin",
    "cookie": "biscuit", "doughnut": "donut", "pizza": "", "hamburger": "burger", "hot_beverage": "coffee, cup, coffee cup, cup of coffee, mug, coffee mug, espresso, latte, cappuccino, hot chocolate, cocoa",
    "teacup_without_handle": "teacup, tea cup, cup of tea, tea, green tea", "teapot": "tea party", "wine_glass": "wine, red wine, goblet, chalice, poisoned chalice",
    "beer_mug": "beer, ale, pub", "cocktail_glass": "cocktail, martini", "bottle_with_popping_cork": "champagne",
    "red_apple": "red apple", "green_apple": "green apple", "pear": "", "strawberry": "strawberries",
    "cherries": "cherry", "grapes": "grape, vineyard", "lemon": "lemon tree, lemon grove", "banana": "", "pineapple": "",
    "watermelon": "", "peach": "", "carrot": "", "potato": "", "ear_of_corn": "maize, corncob",
    "honey_pot": "honey, honey jar, jar of honey", "cheese_wedge": "cheese", "egg": "", "pot_of_food": "stew, soup pot",
    "steaming_bowl": "ramen, noodles, noodle soup", "spaghetti": "pasta", "sushi": "", "chocolate_bar": "chocolate",
    "candy": "sweets, sweet", "lollipop": "", "ice_cream": "", "soft_ice_cream": "ice cream cone",
    "cooking": "frying pan", "fork_and_knife": "cutlery, dinner", "kitchen_knife": "chef knife, cleaver",
    "amphora": "vase, urn of clay", "brown_mushroom": "", "chestnut": "acorn, nut",
    "palm_tree": "coconut palm, date palm, coconut tree, palm grove", "evergreen_tree": "fir, spruce, christmas fir, conifer", "deciduous_tree": "oak tree",
    "cactus": "", "seedling": "sprout, sapling, seed, planted seed", "herb": "", "four_leaf_clover": "clover, lucky clover",
    "shamrock": "", "maple_leaf": "maple, canada", "fallen_leaf": "", "sunflower": "", "tulip": "",
    "hibiscus": "", "blossom": "", "white_flower": "", "bouquet": "bunch of flowers", "wilted_flower": "wilted rose",
    "potted_plant": "houseplant, pot plant", "sheaf_of_rice": "rice, paddy",
    "sparkles": "", "collision": "explosion, blast, boom", "dizzy": "", "fire": "", "droplet": "water drop, drop, tear",
    "high_voltage": "electricity, voltage", "drop_of_blood": "", "snowflake": "", "bubbles": "bubble, soap bubble",
    "eight_pointed_star": "compass star", "fleur_de_lis": "", "yin_yang": "tao, taoism", "peace_symbol": "peace sign",
    "atom_symbol": "atom, physics, nuclear", "radioactive": "radiation", "infinity": "",
    "latin_cross": "crucifix, christian cross", "star_of_david": "judaism", "star_and_crescent": "islam",
    "om": "hinduism", "wheel_of_dharma": "buddhism, dharma", "menorah": "hanukkah", "warning": "danger",
    "pirate_flag": "jolly roger, pirate", "chequered_flag": "checkered flag, finish line, grand prix",
    "white_flag": "surrender", "triangular_flag": "flag, banner, pennant, flagpole",
    "ewe": "sheep, lamb, flock of sheep", "ice_hockey": "hockey, hockey stick, hockey player, hockey puck",
    "boxing_glove": "boxer, boxing", "small_airplane": "biplane, propeller plane, light aircraft, seaplane",
    "nesting_dolls": "doll, matryoshka, russian doll, porcelain doll", "person_with_crown": "monarch, emperor, empress, sovereign",
    "pilot": "aviator, airman, aviatrix", "rainbow_flag": "pride flag, pride, lgbt, lgbtq",
    # names too common a word to look for ('seal', 'watch', 'pen') are found by these
    "crocodile": "alligator, gator", "ox": "bull, bullock", "leopard": "cheetah, panther, jaguar",
    "hippopotamus": "hippo", "rhinoceros": "rhino", "chipmunk": "squirrel", "chicken": "hen, mother hen",
    "duck": "duckling, mallard", "pig": "piglet, hog, swine", "spiral_shell": "shell, seashell, sea shell, conch",
    "sled": "sleigh, sledge, toboggan", "tangerine": "mandarin, clementine", "prayer_beads": "rosary",
    "black_nib": "nib, dip pen, ink pen",
    "seal": "harbour seal, harbor seal, seal pup, grey seal, fur seal, sea lion",
    "turkey": "wild turkey, roast turkey", "watch": "wristwatch, wrist watch", "bucket": "pail",
    "glasses": "eyeglasses, reading glasses", "pen": "ballpoint pen, ballpoint, biro",
}  # fmt: skip

# Broader terms per emoji group (more are added from the tables above).
BROADER = {
    "fauna": "animal, creature", "mammal": "mammal", "bird": "bird", "sea": "sea creature, marine animal",
    "bug": "insect, bug", "reptile": "reptile", "flora": "plant", "figure": "person, people, character",
    "food": "food", "vehicle": "vehicle, transport", "architecture": "building, place",
}  # fmt: skip

# Emoji drawn as a square tile (a button, a framed scene): the symbol set draws the sign itself.
SILHOUETTE_OVERRIDE = {
    "aquarius": "mdi:zodiac-aquarius", "aries": "mdi:zodiac-aries", "cancer": "mdi:zodiac-cancer",
    "capricorn": "mdi:zodiac-capricorn", "gemini": "mdi:zodiac-gemini", "leo": "mdi:zodiac-leo",
    "libra": "mdi:zodiac-libra", "pisces": "mdi:zodiac-pisces", "sagittarius": "mdi:zodiac-sagittarius",
    "scorpio": "mdi:zodiac-scorpio", "taurus": "mdi:zodiac-taurus", "virgo": "mdi:zodiac-virgo",
    "atom_symbol": "mdi:atom", "star_of_david": "mdi:star-david", "peace_symbol": "mdi:peace",
    "yin_yang": "mdi:yin-yang", "om": "mdi:om", "wheel_of_dharma": "mdi:dharmachakra", "khanda": "mdi:khanda",
    "menorah": "mdi:menorah", "star_and_crescent": "mdi:star-crescent", "male_sign": "mdi:gender-male",
    "female_sign": "mdi:gender-female", "transgender_symbol": "mdi:gender-transgender", "latin_cross": "mdi:cross",
    "orthodox_cross": "mdi:cross-outline", "dotted_six_pointed_star": "mdi:star-david",
    "eight_pointed_star": "mdi:star-four-points", "sparkle": "mdi:star-four-points",
    "place_of_worship": "mdi:hands-pray",
}  # fmt: skip
# Emoji that are framed scenes rather than things: a cover paints these as its world, not as a subject.
SCENE_TILES = set(
    "bridge-at-night cityscape cityscape-at-dusk fireworks milky-way motorway night-with-stars railway-track "
    "shooting-star sparkler sunrise sunrise-over-mountains sunset foggy fog desert ophiuchus sos-button "
    "moon-viewing-ceremony national-park".split()
)

# Broader terms beyond the emoji group: term -> the emoji it covers (by their emoji ids).
GROUPS: dict[str, str] = {
    "musical instrument": "accordion banjo drum long-drum flute guitar maracas musical-keyboard saxophone trumpet "
    "violin postal-horn",
    "weapon": "axe bomb bow-and-arrow crossed-swords dagger water-pistol boomerang kitchen-knife",
    "tool": "axe carpentry-saw clamp hammer hammer-and-pick hammer-and-wrench pick screwdriver wrench toolbox "
    "nut-and-bolt ladder magnet broom plunger sewing-needle",
    "clothing": "billed-cap bikini blouse briefs coat dress gloves jeans kimono lab-coat necktie one-piece-swimsuit "
    "sari scarf shorts socks t-shirt top-hat womans-hat graduation-cap running-shirt safety-vest "
    "military-helmet rescue-workers-helmet martial-arts-uniform",
    "footwear": "ballet-shoes flat-shoe hiking-boot high-heeled-shoe mans-shoe running-shoe thong-sandal womans-boot "
    "womans-sandal",
    "furniture": "bed chair couch-and-lamp door window mirror toilet bathtub",
    "container": "basket bucket jar package amphora funeral-urn coffin shopping-bags handbag purse clutch-bag "
    "backpack briefcase luggage",
    "light": "candle diya-lamp flashlight light-bulb red-paper-lantern",
    "toy": "teddy-bear kite yo-yo nesting-dolls puzzle-piece game-die balloon pinata",
    "sport": "american-football badminton baseball basketball bowling boxing-glove cricket-game curling-stone "
    "field-hockey flying-disc goal-net ice-hockey ice-skate lacrosse ping-pong rugby-football skis sled "
    "soccer-ball softball tennis volleyball diving-mask fishing-pole trophy sports-medal",
    "celebration": "balloon birthday-cake confetti-ball party-popper wrapped-gift fireworks christmas-tree "
    "jack-o-lantern tanabata-tree red-envelope ribbon",
    "stationery": "black-nib clipboard crayon fountain-pen memo notebook paperclip pen pencil pushpin "
    "straight-ruler triangular-ruler scissors spiral-notepad ledger",
    "book": "blue-book closed-book green-book open-book orange-book books notebook-with-decorative-cover",
    "device": "camera computer-mouse desktop-computer fax-machine laptop mobile-phone pager printer radio "
    "telephone television video-camera movie-camera joystick video-game headphone battery electric-plug",
    "money": "coin credit-card dollar-banknote euro-banknote pound-banknote yen-banknote money-bag money-with-wings",
    "medicine": "adhesive-bandage pill syringe stethoscope crutch x-ray drop-of-blood dna",
    "science": "alembic dna microscope petri-dish telescope test-tube magnet atom-symbol satellite-antenna",
    "jewellery": "gem-stone ring crown prayer-beads nazar-amulet",
    "fruit": "banana blueberries cherries coconut grapes green-apple kiwi-fruit lemon lime mango melon peach pear "
    "pineapple red-apple strawberry tangerine watermelon olive avocado tomato",
    "vegetable": "bell-pepper broccoli carrot cucumber ear-of-corn eggplant garlic hot-pepper leafy-green onion "
    "pea-pod potato roasted-sweet-potato ginger-root beans",
    "dessert": "birthday-cake cake candy chocolate-bar cookie cupcake custard doughnut ice-cream lollipop pie "
    "shaved-ice shortcake soft-ice-cream moon-cake fortune-cookie dango honey-pot",
    "bread": "bagel baguette-bread bread croissant flatbread pretzel pancakes waffle",
    "meal": "burrito curry-rice falafel fondue hamburger hot-dog pizza sandwich spaghetti steaming-bowl sushi taco "
    "tamale stuffed-flatbread pot-of-food shallow-pan-of-food bento-box green-salad dumpling",
    "place of worship": "church mosque synagogue hindu-temple shinto-shrine kaaba",
    "home": "house house-with-garden houses hut derelict-house tent",
    "shop": "convenience-store department-store bank post-office japanese-post-office hotel love-hotel",
    "landmark": "statue-of-liberty tokyo-tower moai mount-fuji",
    "car": "automobile oncoming-automobile racing-car police-car oncoming-police-car taxi oncoming-taxi "
    "sport-utility-vehicle pickup-truck",
    "truck": "articulated-lorry delivery-truck pickup-truck fire-engine tractor",
    "boat": "canoe sailboat speedboat motor-boat ferry passenger-ship ship",
    "aircraft": "airplane small-airplane helicopter parachute rocket flying-saucer",
    "train": "bullet-train high-speed-train light-rail locomotive metro monorail mountain-railway railway-car "
    "train tram tram-car",
    "fantasy creature": "dragon unicorn phoenix-bird ogre goblin troll ghost alien alien-monster man-elf "
    "woman-elf person-elf man-fairy woman-fairy person-fairy man-genie woman-genie person-genie "
    "man-merpeople woman-merpeople person-merpeople man-vampire woman-vampire person-vampire man-zombie "
    "woman-zombie person-zombie",
    "dinosaur": "sauropod t-rex",
    "pet": "cat dog poodle hamster rabbit mouse parrot goldfish guide-dog service-dog",
    "farm animal": "cow ox water-buffalo pig boar ram ewe goat chicken rooster sheep horse donkey duck goose turkey",
    "worker": "construction-worker factory-worker farmer firefighter health-worker mechanic office-worker "
    "police-officer scientist technologist teacher judge cook pilot guard astronaut artist singer",
    "royalty": "prince princess person-with-crown crown",
    "athlete": "person-running person-swimming person-surfing person-biking person-mountain-biking person-golfing "
    "person-rowing-boat person-lifting-weights person-fencing person-wrestling person-cartwheeling "
    "person-playing-handball person-playing-water-polo person-climbing skier snowboarder horse-racing",
    "family": "baby child boy girl man woman old-man old-woman older-person pregnant-woman breast-feeding "
    "people-hugging",
}

# Subjects only the symbol sets draw: name -> (category, words, broader, illustrated, silhouette, placement).
EXTRA: list[tuple[str, str, str, str, str, str, str]] = [
    ("hot_air_balloon", "vehicle", "hot air balloon, air balloon, montgolfier", "aircraft, vehicle", "mdi:airballoon", "mdi:airballoon", "fly"),
    ("lighthouse", "architecture", "lighthouse, lightkeeper", "building, tower", "ph:lighthouse-duotone", "mdi:lighthouse", "ground"),
    ("lamp", "object", "table lamp, desk lamp, reading lamp", "furniture, light", "ph:lamp-duotone", "mdi:lamp", "float"),
    ("floor_lamp", "object", "floor lamp, standard lamp", "furniture, light", "mdi:floor-lamp", "mdi:floor-lamp", "ground"),
    ("oil_lamp", "object", "oil lamp, aladdin lamp, magic lamp, genie lamp", "light", "mdi:oil-lamp", "mdi:oil-lamp", "float"),
    ("coach_lamp", "object", "coach lamp, wall lantern", "light", "mdi:coach-lamp", "mdi:coach-lamp", "float"),
    ("post_lamp", "architecture", "lamp post, gas lamp", "street furniture, light", "mdi:post-lamp", "mdi:post-lamp", "ground"),
    ("rug", "object", "rug, carpet, flying carpet, magic carpet", "furniture, textile", "ph:rug-duotone", "mdi:rug", "float"),
    ("domed_mosque", "architecture", "domed mosque, dome, domes, onion dome, cupola", "building, place of worship", "mdi:mosque", "mdi:mosque", "ground"),
    ("castle_turret", "architecture", "turret castle, castle turret", "building, fortification", "ph:castle-turret-duotone", "ph:castle-turret-fill", "ground"),
    ("treasure_chest", "object", "treasure chest, treasure, pirate treasure", "container", "noto:treasure-chest", "mdi:treasure-chest", "ground"),
    ("harp", "object", "harp, lyre", "musical instrument", "noto:harp", "noto:harp", "ground"),
    ("shovel", "object", "shovel, spade for digging", "tool", "noto:shovel", "noto:shovel", "float"),
    ("leafless_tree", "flora", "leafless winter tree", "tree, plant", "noto:leafless-tree", "noto:leafless-tree", "ground"),
    ("grasshopper", "fauna", "grasshopper, locust", "insect, animal", "noto:grasshopper", "noto:grasshopper", "ground"),
    ("orca", "fauna", "orca, killer whale", "whale, sea creature, animal", "noto:orca", "noto:orca", "float"),
    ("trombone", "object", "trombone", "musical instrument, brass", "noto:trombone", "noto:trombone", "float"),
    ("root_vegetable", "object", "turnip, beetroot, radish", "vegetable, food", "noto:root-vegetable", "noto:root-vegetable", "float"),
    ("pistol", "object", "pistol, revolver, handgun, gun", "weapon", "mdi:pistol", "mdi:pistol", "float"),
    ("ballet_dancer", "figure", "ballet dancer, ballet", "dancer, person", "noto:ballet-dancer", "noto:ballet-dancer", "ground"),
    ("monarch_butterfly", "fauna", "monarch butterfly", "butterfly, insect, animal", "noto:monarch-butterfly", "noto:monarch-butterfly", "fly"),
    ("teddy_bear_toy", "object", "teddy bear toy, stuffed toy, plush", "toy", "mdi:teddy-bear", "mdi:teddy-bear", "ground"),
    ("windmill", "architecture", "windmill", "building, mill", "ph:windmill-duotone", "ph:windmill-fill", "ground"),
    ("wind_turbine", "architecture", "wind turbine, wind farm", "energy, machine", "mdi:wind-turbine", "mdi:wind-turbine", "ground"),
    ("eiffel_tower", "architecture", "eiffel tower", "monument, landmark, paris", "mdi:eiffel-tower", "mdi:eiffel-tower", "ground"),
    ("buddhist_temple", "architecture", "buddhist temple, pagoda temple, stupa", "building, place of worship", "mdi:temple-buddhist", "mdi:temple-buddhist", "ground"),
    ("sword_fight", "object", "sword fight, swordfight, sword fighting", "weapon, fight", "mdi:sword-fight", "mdi:sword-fight", "float"),
    ("chess_knight", "object", "chess knight, knight piece", "chess, game", "mdi:chess-knight", "mdi:chess-knight", "float"),
    ("stone_bridge", "architecture", "stone bridge, arched bridge", "bridge, building", "ph:bridge-duotone", "mdi:bridge", "ground"),    ("anvil", "object", "anvil, blacksmith, forge", "tool", "mdi:anvil", "mdi:anvil", "ground"),
    ("cauldron", "object", "cauldron, witch cauldron, potion pot", "pot, vessel", "mdi:pot-mix", "mdi:pot-mix", "ground"),
    ("potion", "object", "potion, elixir, magic potion, flask", "bottle, vessel", "mdi:flask-round-bottom", "mdi:flask-round-bottom", "float"),
    ("spider_web_mdi", "abstract", "cobweb, cobwebs", "web", "mdi:spider-web", "mdi:spider-web", "float"),
    ("submarine", "vehicle", "submarine, u boat", "ship, vehicle", "mdi:submarine", "mdi:submarine", "float"),
    ("tank", "vehicle", "tank, panzer, armoured tank", "military vehicle, vehicle", "mdi:tank", "mdi:tank", "ground"),
    ("horseshoe", "object", "horseshoe, lucky horseshoe", "charm", "mdi:horseshoe", "mdi:horseshoe", "float"),
    ("wheelbarrow", "object", "wheelbarrow", "tool, garden", "mdi:wheel-barrow", "mdi:wheel-barrow", "ground"),
    ("campfire", "element", "campfire, camp fire", "fire", "mdi:campfire", "mdi:campfire", "ground"),
    ("carriage", "vehicle", "carriage, horse carriage, horse-drawn carriage, stagecoach, wagon", "vehicle, transport", "mdi:carriage", "mdi:carriage", "ground"),
    ("pumpkin", "object", "pumpkin, gourd, pumpkin patch", "vegetable, food", "mdi:pumpkin", "mdi:pumpkin", "ground"),
    ("necklace", "object", "necklace, pearl necklace, pearls, pendant, locket", "jewellery", "mdi:necklace", "mdi:necklace", "float"),
    ("spear", "object", "spear, lance, javelin", "weapon", "mdi:spear", "mdi:spear", "float"),
    ("barn", "architecture", "barn, hayloft", "building, farm", "ph:barn-duotone", "mdi:barn", "ground"),
    ("water_well", "architecture", "wishing well, water well, village well", "building", "mdi:water-well", "mdi:water-well", "ground"),
    ("bible", "object", "bible, holy bible, prayer book, psalter, hymnal", "book, religion", "mdi:book-cross", "mdi:book-cross", "float"),
    ("garden_gnome", "figure", "gnome, garden gnome", "fantasy creature, character", "mdi:gnome", "mdi:gnome", "ground"),
    ("typewriter", "object", "typewriter", "machine, writing", "mdi:typewriter", "mdi:typewriter", "float"),
    ("gavel", "object", "gavel, judge's gavel, auctioneer's hammer", "tool, law", "ph:gavel-duotone", "mdi:gavel", "float"),
    ("watering_can", "object", "watering can, watering pot", "tool, garden", "mdi:watering-can", "mdi:watering-can", "float"),
    ("beehive", "object", "beehive, bee hive, hive, apiary", "nature, bee", "mdi:beehive-outline", "mdi:beehive-outline", "float"),
    ("beekeeper", "figure", "beekeeper, bee keeper, apiarist", "worker, person, people, character", "mdi:beekeeper", "mdi:beekeeper", "ground"),
    ("grave", "architecture", "grave, burial", "cemetery", "mdi:grave-stone", "mdi:grave-stone", "ground"),
    ("bat", "fauna", "bat, vampire bat, fruit bat", "mammal, animal", "fluent-emoji-flat:bat", "fluent-emoji-high-contrast:bat", "fly"),
]  # fmt: skip

# Words too common in other senses to call up a picture on their own ("watch the sky", "book club", "her gift").
RISKY = set(
    "star book night key bank watch match ring seal fan glasses pen ruler club diamond heart cross light fly date "
    "orange lime chest pool tie box trunk bow seat ticket lock link file wheel label card plug level pick nail "
    "bolt spring fall present crane cook guard pilot duck turkey chicken rock person character people creature "
    "animal plant place building food vehicle transport hand eye ear nose mouth foot leg tongue tooth bone page "
    "memo placard calendar battery sponge hook chain chains square circle triangle stamp tape band pitcher squash "
    "jam pepper nut chip cracker toast pie sweet sweets crystal wave party boom drop tear blast suit scale scales "
    "score horn gift die danger warning sleep sack palm mill office son daughter elder hug hugging walker "
    "freedom justice pride surrender drama dinner champion invention spool sprite genie present bust "
    "silhouette crowd group cash loot plaster wind jack joker sweet brush painting portrait leaf tie ball boot "
    "shoe cap hat cancer leo mate hole gear pc shed sake eyes kneeling dizzy copyright prohibited plane sleepy "
    "asleep sleeper brief briefs short shorts palette slug bucket package soap purse gem graduate cricket frosty "
    "whirlwind collision electricity magnet knot ladder villain siren canada mecca".split()
)

# Phrases a subject takes over from a hand-drawn motif because it draws that very thing, where the motif
# draws a stand-in (a generic bird for an eagle, a lone figure for a detective, a skull for a graveyard).
CLAIMS: dict[str, str] = {
    "detective": "detective", "witch": "woman_mage", "wizard": "man_mage", "sorcerer": "man_mage",
    "mage": "person_mage", "fairy": "person_fairy", "princess": "princess", "bride": "person_with_veil",
    "eagle": "eagle", "dove": "dove", "phoenix": "phoenix", "unicorn": "unicorn", "blackbird": "blackbird",
    "mosque": "mosque", "grave": "headstone", "graveyard": "headstone",
    "cemetery": "headstone", "tomb": "headstone", "baby": "baby",
    # a king or a queen is a crowned figure, not a crown on its own (and reads as "a monarch")
    "monarch": "person_with_crown", "king": "person_with_crown", "queen": "person_with_crown",
}  # fmt: skip
# (Never a phrase whose motif sets the scene, such as rocket -> spaceship -> space, boat -> sea, car -> city:
# the brief chooses the setting from the hand-drawn motif.)


def _load(prefix: str) -> dict:
    return json.loads((SETS / prefix / "icons.json").read_text(encoding="utf-8"))


def _category(emoji: str, group: str) -> tuple[str, list[str]] | None:
    """(lexicon category, broader terms) of an emoji, or None when it is not a picture of a thing."""
    if group == "Flags":
        return ("object", ["flag"]) if emoji in FLAGS_KEPT else None
    if group == "Smileys & Emotion":
        if emoji not in SMILEYS_KEPT:
            return None
        if emoji in ("alien", "alien-monster", "ghost", "goblin", "ogre", "robot", "clown-face", "cowboy-hat-face"):
            return "figure", ["character", "creature"]
        return ("element", ["effect"]) if emoji in ELEMENTS else ("abstract", ["symbol"])
    if group == "Symbols":
        return ("abstract", ["symbol", "sign"]) if emoji in SYMBOLS_KEPT else None
    if SKIP_PATTERNS.search(emoji) and emoji not in KEEP_DESPITE:
        return None
    if emoji in ELEMENTS:
        return "element", ["element"]
    if group == "Animals & Nature":
        if emoji in PLANTS:
            tree = "tree" in emoji or emoji in ("wood",)
            return "flora", ["plant"] + (["tree"] if tree else ["flower"] if emoji in FLOWERS else [])
        if emoji in ANIMAL_OBJECTS:
            return "object", ["nature"]
        broader = ["animal", "creature"]
        if emoji in BIRDS:
            broader.insert(0, "bird")
        elif emoji in SEA:
            broader[:0] = ["sea creature", "marine animal"]
        elif emoji in BUGS:
            broader.insert(0, "insect")
        elif emoji in REPTILES:
            broader.insert(0, "reptile")
        else:
            broader.insert(0, "mammal")
        return "fauna", broader
    if group == "Food & Drink":
        if emoji in SEA:
            return "fauna", ["sea creature", "seafood", "animal"]
        return "object", ["food"] + (["drink"] if emoji in DRINKS else [])
    if group == "People & Body":
        if emoji in BODY:
            return "figure", ["body", "body part"]
        return "figure", ["person", "people", "character"]
    if group == "Travel & Places":
        for table, cat, broader in (
            (TRAVEL_VEHICLE, "vehicle", ["vehicle", "transport"]),
            (TRAVEL_ARCH, "architecture", ["building", "place"]),
            (TRAVEL_LAND, "landscape", ["landscape", "place"]),
            (TRAVEL_SKY, "celestial", ["sky", "space"]),
            (TRAVEL_WEATHER, "weather", ["weather"]),
        ):
            if emoji in table:
                return cat, broader
        return "object", ["object"]
    if group == "Activities":
        return "object", ["activity", "game"] if emoji not in ("fireworks", "sparkler", "sparkles") else ["effect"]
    if group == "Objects":
        if emoji in ("door", "window", "headstone", "moai"):
            return "architecture", ["building", "place"]
        return "object", ["object"]
    return None


FLOWERS = set(
    "blossom bouquet cherry-blossom hibiscus hyacinth lotus rose sunflower tulip white-flower wilted-flower".split()
)
DRINKS = set(
    "beer-mug beverage-box bottle-with-popping-cork bubble-tea clinking-beer-mugs clinking-glasses cocktail-glass "
    "cup-with-straw glass-of-milk hot-beverage mate sake teacup-without-handle tropical-drink tumbler-glass "
    "wine-glass pouring-liquid baby-bottle".split()
)
BODY = set(
    "anatomical-heart bone brain ear eye eyes foot footprints leg lungs mouth nose tongue tooth flexed-biceps "
    "mechanical-arm mechanical-leg biting-lip".split()
)


def _role(rest: str) -> bool:
    """'detective' is a role ('female detective'); 'biking' or 'in tuxedo' is not."""
    first = rest.split()[0]
    return not first.endswith("ing") and first not in ("in", "with", "wearing")


def _phrases(name: str, emoji: str) -> list[str]:
    base = name.replace("_", " ")
    words = [base]
    parts = emoji.split("-")
    # "woman-detective" is also "female detective"; "man-" and "person-" likewise.
    if parts[0] in ("man", "woman", "person") and len(parts) > 1:
        rest = " ".join(parts[1:])
        if parts[0] == "woman":
            words += [f"female {rest}", f"lady {rest}"] if _role(rest) else []
        elif parts[0] == "man":
            words += [f"male {rest}"] if _role(rest) else []
    for extra in WORDS.get(name, "").split(","):
        extra = extra.strip()
        if extra and extra not in words:
            words.append(extra)
    out = []
    for w in words:
        claimed = CLAIMS.get(w) == name
        if " " not in w and w in RISKY and not claimed:
            continue
        out.append(("!" if claimed else "") + w)
    for phrase, owner in CLAIMS.items():
        if owner == name and phrase not in words:
            out.append("!" + phrase)
    return out


# Emoji people are mostly busts (head and shoulders): they float as emblems. Only whole figures stand.
ACTION = re.compile(r"(?<!feed)(?<!wear)(?<!hear)ing\b")
WHOLE_POSE = re.compile(r"standing|kneeling|lotus|wheelchair|white-cane|in-bed|taking-bath")
WHOLE_FIGURES = {"ballet-dancer", "troll", "skier", "snowboarder", "horse-racing"}


def _placement(emoji: str, category: str) -> str:
    if emoji in FLYING:
        return "fly"
    if category == "figure":
        acting = ACTION.search(emoji.replace("-", " ")) is not None and not re.search(r"hands?$|head$|hugging", emoji)
        whole = emoji in WHOLE_FIGURES or acting or WHOLE_POSE.search(emoji) is not None
        return "ground" if whole else "float"
    if category in ("fauna", "figure", "architecture", "vehicle", "landscape"):
        return "ground"
    if (
        category == "flora"
        and emoji not in FLOWERS
        and emoji not in ("fallen-leaf", "maple-leaf", "four-leaf-clover", "shamrock", "leaf-fluttering-in-wind")
    ):
        return "ground"
    return "float"


NAME = re.compile(r"[a-z]+(_[a-z]+)*")


def build() -> list[list[str]]:
    flat, hc, noto, mdi, ph = _load(FLAT), _load(HC), _load("noto"), _load("mdi"), _load("ph")
    groups = json.loads((SETS / HC / "metadata.json").read_text(encoding="utf-8"))["categories"]
    rows: dict[str, list[str]] = {}
    for group, emojis in groups.items():
        for emoji in emojis:
            found = _category(emoji, group)
            if found is None:
                continue
            category, broader = found
            name = RENAME.get(emoji, emoji.replace("-", "_"))
            if not NAME.fullmatch(name) or name in rows:
                continue
            if emoji not in flat["icons"] or emoji not in hc["icons"] or emoji in SCENE_TILES:
                continue
            broader = [term for term, members in GROUPS.items() if emoji in members.split()] + broader
            rows[name] = [
                name, category, "|".join(_phrases(name, emoji)), "|".join(dict.fromkeys(broader)),
                f"{FLAT}:{emoji}", SILHOUETTE_OVERRIDE.get(name, f"{HC}:{emoji}"), _placement(emoji, category),
            ]  # fmt: skip
    sets = {"noto": noto, "mdi": mdi, "ph": ph, FLAT: flat, HC: hc}
    for icon in SILHOUETTE_OVERRIDE.values():
        if icon.partition(":")[2] not in mdi["icons"]:
            raise SystemExit(f"no icon {icon}")
    for name, category, words, broader, illustrated, silhouette, placement in EXTRA:
        for icon in (illustrated, silhouette):
            prefix, _, icon_name = icon.partition(":")
            data = sets[prefix]
            if icon_name not in data["icons"] and icon_name not in data.get("aliases", {}):
                raise SystemExit(f"{name}: no icon {icon}")
        phrases = [p.strip() for p in words.split(",")]
        phrases += [f"!{p}" for p, owner in CLAIMS.items() if owner == name and p not in phrases]
        rows[name] = [name, category, "|".join(phrases), "|".join(p.strip() for p in broader.split(",")),
                      illustrated, silhouette, placement]  # fmt: skip
    return list(rows.values())


def main() -> None:
    rows = build()
    header = ["name", "category", "words", "broader", "illustrated", "silhouette", "placement"]
    by_cat: dict[str, int] = {}
    for row in rows:
        by_cat[row[1]] = by_cat.get(row[1], 0) + 1
    print(len(rows), "subjects", by_cat, file=sys.stderr)
    text = "\n".join("\t".join(r) for r in [header, *sorted(rows)]) + "\n"
    if "--write" in sys.argv:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT}", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
