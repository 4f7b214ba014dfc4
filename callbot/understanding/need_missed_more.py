"""Emergencies the sixth development part's writers g, h and i showed the rules missing or
sending to the wrong service (round 10 of issue 13; read by :mod:`.need_lexicon`, the animal
and message rules in :mod:`.need_false_alarms` and :mod:`.need_time`).

Each entry covers a kind of speech, in several wordings and as Vosk damages them, not one
transcript (what the fields mean: :mod:`.need_lexicon`):

- **Bleeding heard "máo"** (115): "chảy máo", "máo ra ướt hết" (matched exactly). A dog that
  bites someone ("chó dữ cắn nát bắp chân") makes that person's emergency: an emergency that
  starts with the animal's attack is no animal's (:func:`.need_time.defuse`).
- **A flood with people nobody can carry out** (114): "nước ngập ... không ai khiêng ra
  được", "hổng cõng ra được" (``flood`` + ``cannot_carry``).
- **Stuck on a ledge high up, not daring to move** (114, before the 113 of the balcony
  climbed): "kẹt ngoài gờ tường", "bệ cửa sổ", or a ``height`` word, with "không dám nhúc nhích"
  (``ledge`` + ``frozen`` or ``cannot_leave``).
- **The thud of a fall** ("ngã đánh rầm", "té đánh uỵch"): no "đánh" of a fight, so a fall
  with a bleeding head is 115.
- **A child heard muffled with people guarding the door** (113, not the 115 of "ú ớ"):
  "khóc ú ớ", "bị bịt miệng" with "người lớn canh cửa", "đứng gác cửa" (``muffled`` +
  ``guard``).
- **Vehicles that crashed into each other** (115 for whoever is hurt, not 113's "đâm
  nhau"): "hai chiếc xe máy đâm nhau", "xe tải tông nhau".
- **Choking heard "nghẹ"** (115): "mắc nghẹ", "bị nghẹ"; "bánh bò" is food, no cow of the
  animal rule.
- **The caller's own forcing of a door** ("tui mới cạy cửa", "tôi phải phá khóa"): a rescue,
  not a break-in, so a neighbour found not waking is 115.
- **A beating that turns from an animal to a person** ("đánh con chó rồi quay qua đánh con
  nít"): "quay" opens a new clause for the animal rule.
- **A break-in relayed by message and under way** ("mẹ tôi nhắn có người phá khóa đang vô
  nhà"): no threat from afar; "dào nhà" is Vosk's "vào nhà".
- **Someone climbing in over the roof** (113): "có ai đang leo qua mái tôn", "người lạ trèo
  qua mái ngói", "leo qua nóc vô nhà" (``prowler`` or ``stranger`` + ``climb_in``, or
  ``climb_in`` + ``home_in``).
- **A chemical splashed in the face or eyes** (115): "axit văng trúng mặt", "hóa chất bắn
  vô mắt" (``chemical`` + ``splash``).
- **Look-alikes**: a cat on a ledge (the animal rule), a worker on scaffolding who is fine, a
  question about acid, a crash last week or in a film: no emergency (what is past, resolved,
  denied or in a film is :mod:`.need_time`'s).
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings

_VEHICLES = (
    "xe", "xe máy", "chiếc xe", "chiếc xe máy", "ô tô", "xe hơi", "xe tải", "xe buýt",
    "xe ben", "xe khách", "xe đạp", "xe ba gác", "xe container", "xe con", "xe bồn", "xe ôm",
    "xe cộ", "xe bán tải", "xe du lịch", "xe điện",
)  # fmt: skip
_CRASHED = (
    "đâm nhau", "tông nhau", "đụng nhau", "va nhau", "húc nhau", "đâm vào nhau",
    "đâm vô nhau", "tông vào nhau", "tông vô nhau", "đụng vô nhau", "đâm sầm vào nhau",
)  # fmt: skip
_CALLERS = ("tui", "tôi", "em", "con", "cháu", "tụi tui", "tụi tôi", "chúng tôi", "tụi em",
            "mình", "tụi mình")  # fmt: skip
# With a word of the caller's own act ("tui mới cạy cửa"): "mẹ tôi cạy cửa" may be a thief's.
_THEN = ("mới", "phải", "đã", "liền", "vừa", "đành", "mới phải", "tự", "bèn")
_FORCED = ("cạy cửa", "phá cửa", "đạp cửa", "phá khóa", "cạy khóa", "bẻ khóa", "đập cửa",
           "tông cửa")  # fmt: skip
_FOODS = (
    "bánh bò, thịt bò, bò kho, phở bò, bò bía, bò viên, sữa bò, bò lá lốt, bò né, mì bò, "
    "bún bò, bò khô, gỏi bò, bò nướng, bò bít tết, cháo bò, lẩu bò, bò xào, thịt gà, cánh gà, "
    "cơm gà, cháo gà, xôi gà, chân gà, trứng gà, thịt heo, thịt vịt, cháo vịt, trứng vịt"
)


# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
MISSED_MORE_ENTRIES: tuple[Entry, ...] = (
    # 115: bleeding heard "máo".
    entry("medical", "emergency", 5, """
        chảy máo, máo chảy, máo ra, ra máo, mất máo, máo me, đầy máo, bê bết máo, máo phun,
        máo túa, máo chảy ròng ròng, máo ra nhiều, máo ra ướt, chảy máo nhiều, máo chảy quá trời
        """, service="115", tags="sick", fold="exact"),
    # 114: a flood with people nobody can carry out; a ledge high up, not daring to move.
    entry(None, "normal", 0, """
        {k} ai khiêng ra được, {k} khiêng ra được, {k} ai cõng ra được, {k} cõng ra được,
        {k} ai bế ra được, {k} ai đưa ra được, {k} đưa ra được, {k} ai dìu ra được,
        {k} ai đỡ ra được, {k} ai khiêng xuống được, {k} khiêng nổi, {k} ai khiêng nổi,
        {k} cõng nổi, {k} bế nổi
        """, tags="cannot_carry"),
    entry(None, "normal", 0, """
        gờ tường, ngoài gờ tường, mép tường, gờ cửa sổ, bệ cửa sổ, ngoài bệ cửa sổ, mái hiên,
        mép ban công, ngoài cửa sổ tầng, giàn giáo, ngọn cây, gờ tường tầng
        """, tags="ledge"),
    entry(None, "normal", 0, """
        {k} dám nhúc nhích, {k} dám nhút nhích, {k} dám cử động, {k} dám động đậy,
        {k} dám bước, {k} dám leo xuống, {k} dám trèo xuống, {k} dám xuống, {k} dám leo vô,
        {k} dám trèo vô, {k} dám buông tay, đứng chết trân, bám cứng không dám
        """, tags="frozen"),
    # The thud of a fall: no "đánh" of a fight.
    entry(None, "normal", 0, """
        đánh rầm, đánh uỵch, đánh bịch, đánh phịch, đánh oạch, đánh ầm, đánh sầm, đánh huỵch,
        đánh cái rầm, đánh cái bịch, đánh cái uỵch
        """, tags="fall"),
    # 113: a child heard muffled with people guarding the door.
    entry("medical", "emergency", 5, """
        khóc ú ớ, kêu ú ớ, la ú ớ, tiếng ú ớ, rên ú ớ
        """, service="115", tags="sick muffled", fold="tone"),
    entry(None, "normal", 0, """
        bịt miệng, bị bịt miệng, như bị bịt miệng, bịt mồm, bị bịt mồm, như bị bịt mồm
        """, tags="muffled"),
    entry(None, "normal", 0, """
        canh cửa, người lớn canh cửa, đứng canh cửa, ngồi canh cửa, canh ngoài cửa,
        canh trước cửa, đứng gác cửa, gác cửa, gác ngoài cửa, canh chừng cửa, đứng canh ngoài
        """, tags="guard"),
    # Vehicles that crashed: no fight.
    entry(None, "normal", 0, pairings(_VEHICLES, _CRASHED), tags="crash", fold="tone"),
    # 115: choking heard "nghẹ"; food named with an animal's word.
    entry("medical", "emergency", 5, """
        mắc nghẹ, bị nghẹ, bị mắc nghẹ, hóc nghẹ, nghẹ thở, nghẹ cứng, mắc nghẹ cổ, nghẹ họng
        """, service="115", tags="sick", fold="exact"),
    entry(None, "normal", 0, _FOODS),
    # The caller's own forcing of a door: a rescue, no break-in.
    entry(None, "normal", 0, pairings(_CALLERS, _THEN, _FORCED), fold="tone"),
    # 113: a break-in heard "dào"; someone climbing in over the roof or a wall.
    entry("violation", "emergency", 5, """
        đang dào nhà, dào nhà, phá khóa dào, cạy cửa dào, lẻn dào, đột nhập dào, leo dào nhà,
        trèo dào nhà
        """, service="113", tags="crime", fold="exact"),
    entry(None, "normal", 0, "vô nhà, vào nhà, dô nhà, vô trong nhà, vào trong nhà",
          tags="home_in"),
    entry(None, "normal", 0, """
        leo qua mái, leo qua mái tôn, trèo qua mái, trèo qua mái tôn, leo mái tôn, trèo mái tôn,
        leo qua mái ngói, trèo qua mái ngói, leo qua nóc, trèo qua nóc, leo qua mái nhà,
        trèo qua mái nhà
        """, tags="climb_in"),
    # 115: a chemical splashed in the face or the eyes.
    entry(None, "normal", 0, """
        axit, a xít, a xit, acid, xút, nước xút, hóa chất, vôi sống, nước vôi, thuốc tẩy,
        nước tẩy
        """, tags="chemical"),
    entry(None, "normal", 0, """
        văng trúng mặt, văng vô mặt, văng vào mặt, văng vô mắt, văng vào mắt, bắn vô mắt,
        bắn vào mắt, bắn trúng mặt, bắn vô mặt, bắn vào mặt, dính vô mắt, dính vào mắt,
        tạt trúng mặt, đổ trúng mặt, văng trúng mắt, bắn trúng mắt, vô mắt, vào mắt
        """, tags="splash"),
    # Look-alikes: a ledge of a building described, a scaffold at work.
    entry("other", "normal", 2, """
        sửa gờ tường, trát gờ tường, sơn gờ tường, gờ tường bị nứt, gờ tường bị bể,
        giàn giáo công trình, dựng giàn giáo, tháo giàn giáo
        """),
)

MISSED_MORE_COMBOS: tuple[Combo, ...] = (
    Combo(("flood", "cannot_carry"), "other", "emergency", 5, window=20, service="114",
          gives=frozenset({"stuck"})),
    Combo(("ledge", "frozen"), "other", "emergency", 5, window=12, service="114",
          gives=frozenset({"trapped"})),
    Combo(("ledge", "cannot_leave"), "other", "emergency", 5, window=12, service="114",
          gives=frozenset({"trapped"})),
    Combo(("muffled", "guard"), "violation", "emergency", 5, window=None, service="113"),
    Combo(("height", "frozen"), "other", "emergency", 5, window=12, service="114",
          gives=frozenset({"trapped"})),
    Combo(("climb_in", "home_in"), "violation", "emergency", 5, window=4, ordered=True,
          service="113", gives=frozenset({"crime"})),
    Combo(("stranger", "climb_in"), "violation", "emergency", 5, window=3, ordered=True,
          service="113", gives=frozenset({"crime"})),
    Combo(("prowler", "climb_in"), "violation", "emergency", 5, window=3, ordered=True,
          service="113", gives=frozenset({"crime"})),
    Combo(("chemical", "splash"), "medical", "emergency", 5, window=8, service="115"),
)
# fmt: on
