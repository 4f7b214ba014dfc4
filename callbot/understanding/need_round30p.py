"""Round 30P of issue 13 (writer P of session 16: work sites, roads, animals and weather;
callers are workmates, passers-by and drivers): a worker's body hurt by a tool, a beast, a
caustic or the sun, and the look-alikes of a job that names an animal, a fire or a knife.

115:

- **A beast a person tends or carries** ("ông chăn vịt bị rắn lục cắn", "chở heo đi bán"):
  the animal is the person's work, not who is in danger; **a beast that shoves or throws a
  person** ("bị heo xô té xe", "bị trâu hất văng"): the harm is the person's.
- **A caustic in the eyes** ("vôi văng vô mắt", "a xít bắn vô con mắt", "rắn phun nọc vô
  mắt"), or something in the eyes and then blind ("... vô mắt giờ hổng thấy đường").
- **Torn all over by an attack** ("rách hết tay chân", "cắn nát tay chân").
- **Out in the sun, then confused** ("làm ngoài nắng cả buổi về lừ đừ nói nhảm"): heatstroke.
- **Jaundice with an illness** ("sốt cao ... vàng da"), **slips** of a crash and of blood
  ("hai xe đăm nhau", "máo phụt ra", "nói nhẳm").

Numbers (:func:`round30p_service`):

- **Pulled out, then a sign** ("kéo lên rồi mà hổng thở"): the rescue is done, 115.
- **Fallen from a height** ("đứng trên lan can té xuống gãy tay"): the fall is over, 115.
- **A work accident with a blade or sparks** ("bị dao phay chặt trúng tay", "tia lửa bắn
  cháy áo"): no attacker, no shooting (:data:`P30_ENTRIES`); a burn with its skin off is
  115 (round 29B's combo) once the fire on the clothes is put out.
- **Battery acid spilt on someone** ("a xít bình ắc quy văng vô người"): no acid attack.

Calm look-alikes: clothes torn, no body ("quần áo rách hết"), jaundice of a newborn
alone ("bé sơ sinh vàng da"), sun without confusion ("làm ngoài nắng mệt quá").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_BEASTS = ("vịt", "trâu", "bò", "dê", "heo", "ngỗng", "cừu", "gà", "ngựa", "lợn")
_TENDED = pairings(("chăn", "lùa", "chở"), _BEASTS)
_SHOVED = pairings(
    ("bị",),
    ("heo", "trâu", "bò", "ngựa", "lợn", "con heo", "con trâu", "con bò", "con ngựa"),
    ("xô", "hất", "quật", "đạp", "giẫm", "dẫm", "xô té", "hất văng"),
)
_CAUSTIC = "vôi, vôi bột, vôi sống, vôi tôi, a xít, axit, xút, nước xút, nọc, phun nọc"
# (not "vô mắt" alone: round ones' ``splash`` and round 27M's eye hit have it)
_IN_EYE = pairings(
    ("văng", "bắn", "phun", "tạt", "dính", "văng trúng", "bắn trúng", "phun nọc"),
    ("vô", "vào", "trúng"),
    ("hai con mắt", "hai mắt", "mắt ổng", "mắt bả", "mắt nó", "hai bên mắt"),
)
_BLIND = "hổng thấy đường, không thấy đường, hông thấy đường, mù luôn, hổng mở mắt được"
_TORN = """
    rách hết tay chân, rách nát tay chân, rách tùm lum tay chân, rách bươm tay chân,
    cắn nát tay chân, cắn rách hết tay chân, cắn rách hết người
"""
_SUN = """
    ngoài nắng, dưới nắng, phơi nắng, đi nắng, làm nắng, nắng gắt, nắng chang chang,
    trời nắng gắt
"""
_RAVING = "nói nhẳm, nói nhảm, nói xàm xàm, nói lung tung"
_CRASH_SLIP = "đăm nhau, đăm xe, xe máy đăm nhau, hai xe đăm nhau, đăm sầm"
_BLOOD_SLIP = """
    máo phụt, máo phụt ra, máo phun, máo phun ra, máu phụt, máo ra quá trời, mấu phun,
    mấu phụt, mấu phun thành vòi, máo phun thành vòi
"""
_BLADE = pairings(
    ("bị",),
    ("dao", "dao phay", "dao thái", "dao chặt", "rựa", "phảng", "mác", "lưỡi cưa", "máy cắt"),
    ("chặt trúng", "chặc trúng", "cắt trúng", "cứa trúng", "chặt vô", "chặc vô", "cắt vô"),
)
# what lands on clothes and burns them: no shooting ("bắn"), and "lửa" said before stays a fire
_SPARKS = pairings(
    ("bắn", "văng", "bắn trúng", "văng trúng"),
    ("cháy áo", "cháy quần", "cháy tóc", "cháy da", "cháy lủng áo", "cháy quần áo"),
)
_SKIN_PART = pairings(
    ("da",),
    ("lưng", "tay", "chân", "mặt", "ngực", "bụng", "cổ", "đùi", "vai"),
    ("tróc", "tróc hết", "tuột", "tuột hết", "bong", "bong hết", "lột", "lột hết"),
)
_BATTERY = """
    a xít bình ắc quy, axit bình ắc quy, nước bình ắc quy, a xít bình, axit bình,
    nước a xít bình
"""

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
P30_ENTRIES: tuple[Entry, ...] = (
    # exact: toneless "cho ga" is a gas tanker's load ("xe bồn chở ga")
    entry(None, "normal", 0, _TENDED, tags="p30_tended", fold="exact"),
    entry(None, "normal", 0, _SHOVED, tags="p30_shoved", fold="tone"),
    entry(None, "normal", 0, _CAUSTIC, tags="p30_caustic", fold="exact"),
    entry(None, "normal", 0, _IN_EYE, tags="splash p30_in_eye", fold="tone"),
    entry(None, "normal", 0, _BLIND, tags="p30_blind", fold="tone"),
    entry("medical", "emergency", 5, _TORN, tags="sick wound", fold="tone", service="115"),
    entry(None, "normal", 0, _SUN, tags="p30_sun", fold="tone"),
    entry(None, "normal", 0, _RAVING, tags="confused", fold="tone"),
    entry(None, "normal", 0, _CRASH_SLIP, tags="crash", fold="exact"),
    entry("medical", "emergency", 5, _BLOOD_SLIP, tags="sick wound", fold="exact",
          service="115"),
    entry(None, "normal", 0, _BLADE, tags="p30_blade", fold="tone"),
    entry(None, "normal", 0, _SPARKS, tags="burn p30_sparks", fold="tone"),
    entry(None, "normal", 0, _BATTERY, tags="p30_battery", fold="tone"),
    entry(None, "normal", 0, _SKIN_PART, tags="skin_off", fold="tone"),
)
P30_COMBOS: tuple[Combo, ...] = (
    signs_together("p30_caustic", "p30_in_eye", 4, ordered=True),
    signs_together("p30_in_eye", "p30_blind", 8, ordered=True),
    signs_together("p30_in_eye", "methanol", 8, ordered=True),
    signs_together("p30_sun", "confused", 14, ordered=True),
    signs_together("sick", "n27_yellow", 6),
    signs_together("p30_battery", "burn", 8, ordered=True),
    signs_together("crash", "e23_lying", 10, ordered=True),
    signs_together("height", "fall", 3, ordered=True),
)
# fmt: on


P30_HAZARDS = frozenset(
    {
        "fire",
        "water_body",
        "drowning",
        "live_wire",
        "gas",
        "trapped",
        "stuck",
        "cannot_leave",
    }
)


def round30p_service(service: Service | None, hits: list[Hit], words: list[str]) -> Service | None:
    """Pulled out or fallen, then hurt: the rescue or the fall is over, 115 (module
    docstring)."""
    if service != "114":
        return service
    medical = [h.start for h in hits if h.entry.alarm == "115"]
    if not medical or any(P30_HAZARDS & h.entry.tags for h in hits):
        return service
    if any("rescued" in h.entry.tags and h.start < max(medical) for h in hits):
        return "115"
    heights = [h.start for h in hits if "height" in h.entry.tags]
    fallen = any("fall" in h.entry.tags and heights and min(heights) < h.start for h in hits)
    return "115" if fallen else service
