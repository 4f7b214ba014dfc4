"""Emergencies callers describe without naming them (round 4 of issue 13; read by
:mod:`.need_lexicon`).

Each entry covers a class of speech, in several wordings and as Vosk damages them, not one
transcript (what the fields mean: :mod:`.need_lexicon`):

- **Dragged into a vehicle** (113): "lôi lên xe", "kéo lên xe hơi", "nhét vô xe", "tống lên
  xe" (heard "lồi lên xe": tones are tolerated); with who is dragged between ("nhét con gái
  tui vô xe") it is :mod:`.need_danger`'s ``seize`` + ``away``, whose words grew for it.
  "bế lên xe", "bắt đi" are in :mod:`.need_danger`.
- **Stranded up high** (114): on a power pole, a tree, scaffolding, a roof, and unable to come
  down ("trên cột điện bị chuột rút không leo xuống được"): the ``height`` + ``cannot_leave``
  combination, a wider window than :mod:`.need_danger`'s "dưới đó ... chưa lên được".
- **No answer when called** (115), as the south says it and Vosk writes it: "kiu" for "kêu",
  "chả lời" for "trả lời" (tr/ch), "không cục cựa", "không hé mắt".
- **Poisoned by drink** (115): after alcohol ("rượu đế", "uống rượu";
  "nhậu" and "rượu giả" are words of :mod:`.need_requests` already), delirium or a
  sudden loss of sight ("nói sảng", "mắt nhìn hổng thấy"), the ``drink`` + ``methanol``
  combination (a drunk who is sick or asleep is no emergency: nothing of this is said).
  Delirium and slumping ("nói sảng", "nằm gục") are emergencies alone too.

Round 5 (the fourth development part studied), 115 said without a medical word:

- **A whole pack swallowed** as "nuốt" says it ("nuốt nguyên vỉ thuốc ngủ", "nuốt hết lọ"),
  and a wrong bottle drunk ("uống lộn chai dầu hỏa", "uống lầm nước tẩy": "lộn", "lầm").
- **Snoring that is strange** ("ngáy khò khè lạ lắm", "ngáy rồ rồ bất thường") of someone who
  cannot be woken: a stroke's, not sleep (sleep defuses "gọi không dậy", not this).
- **A birth under way**: "rặn ra cái đầu", "thấy cái đầu em bé", "lòi đầu em bé".
- **Heatstroke**: "nóng hầm hập" (not the "hầm" of a tunnel), "nói lảm nhảm" after sun.
- **A fall from a ladder** ("ngã thang"), **convulsions** ("giật kinh phong"), someone
  **sweating and confused** ("vã mồ hôi nói năng lung tung": a hypoglycaemia).
- **114 and 113 misheard or said the southern way**: "khối đen" (khói), "chèo rào"
  (trèo), "đập tủ kín" (kính); "đập vợ", "nắm tóc lôi" (a beating now).
- **A worker shocked**: "thợ điện bị giật" is an electric shock (115), not a snatch (113).
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
DESCRIBED_ENTRIES: tuple[Entry, ...] = (
    entry("violation", "emergency", 5, """
        lôi lên xe, kéo lên xe, lôi vô xe, kéo vô xe, lôi vào xe, kéo vào xe, nhét vô xe,
        nhét vào xe, tống vô xe, ép lên xe, bắt lên xe,
        bị bắt lên xe, đẩy vô xe, lôi lên ô tô, kéo lên ô tô, lôi đi mất, kéo đi mất,
        lôi đi mất tiêu, chở đi mất tiêu, chở mất tiêu
        """, service="113", tags="crime", fold="tone"),
    entry(None, "normal", 0, """
        trên cột điện, trên trụ điện, trên cột, leo cột điện, leo lên cột, trên ngọn cây,
        trên cây cao, trên giàn giáo, trên mái nhà, trên mái tôn, trên tầng cao, trên cần cẩu,
        trên bảng hiệu, trên biển quảng cáo, trên lan can, ngoài lan can, trên dây điện,
        trên cầu, trên tháp
        """, tags="height"),
    entry(None, "normal", 0, """
        {k} leo xuống được, {k} trèo xuống được, {k} xuống được, {k} dám xuống,
        {k} dám leo xuống, {k} tự xuống được, {k} leo xuống nổi, {k} xuống nổi
        """, tags="cannot_leave"),
    entry(None, "normal", 0, "kiu, kiu hoài, kiu mãi, kiu hoài hổng", tags="rouse"),
    entry(None, "normal", 0, """
        {k} chả lời, {k} cục cựa,
        {k} trả lời gì, {k} chả lời gì, {k} hé mắt
        """, tags="unanswered"),
    # said exactly: toneless, "ngáy lạ" is "ngày la" ("hai ngày la hét": round 28A); an
    # answer with no diacritic at all still matches every phrase bare (need_match)
    entry("medical", "emergency", 5, """
        ngáy lạ, ngáy khò khè lạ, ngáy to lạ, ngáy bất thường, ngáy khác thường, ngáy rồ rồ lạ,
        ngáy kiểu lạ, ngáy rất lạ, ngáy khò khè bất thường
        """, service="115", tags="sick", fold="exact"),
    entry("medical", "emergency", 5, """
        nói sảng, nói mê sảng, la sảng, nằm gục, gục luôn, gục tại chỗ, ngồi gục, gục mặt xuống
        """, service="115", tags="sick", fold="tone"),
    entry(None, "normal", 0, """
        uống rượu, rượu đế, rượu pha cồn, rượu lậu, rượu trắng, rượu thuốc, uống cồn, rượu,
        rượu không nhãn, rượu nếp, bia rượu
        """, tags="drink"),
    entry(None, "normal", 0, """
        mắt nhìn {k} thấy, mắt {k} thấy, nhìn {k} thấy gì, {k} thấy đường, mắt mờ dần,
        mắt tự nhiên mờ, tự nhiên mù, bị mù luôn, mờ mắt, mắt mờ, nhìn mờ
        """, tags="methanol"),
    # Round 5, 115 (module docstring).
    entry(None, "normal", 0, "nuốt nguyên, nuốt luôn, nuốt một lúc, uống luôn", tags="swallow_all"),
    entry("medical", "emergency", 5, """
        nuốt thuốc ngủ, nuốt cả vỉ, nuốt hết vỉ, nuốt nguyên vỉ, nuốt nguyên lọ, nuốt hết lọ,
        nuốt thuốc chuột, nuốt thuốc sâu, uống lộn dầu, uống lộn chai, uống lộn xăng,
        uống lộn nước tẩy, uống lộn thuốc tẩy, uống lộn axit, uống lộn thuốc sâu, uống lầm,
        uống nhầm chai, uống nhầm xăng, uống nhầm thuốc, uống lộn thuốc, uống nhầm axit,
        rặn ra cái đầu, rặn ra đầu, thấy cái đầu em bé, ra cái đầu em bé, lòi đầu em bé,
        lòi cái đầu, ló đầu em bé, ló cái đầu, đầu em bé ra, đầu em bé lòi ra, đầu đứa nhỏ ra,
        rặn đẻ, đang rặn, rặn ra rồi,
        thợ điện bị giật, điện bị giật, bị điện giựt, điện giựt, thợ điện bị giựt,
        ngã thang, té thang, rớt thang, té từ thang, ngã từ thang, té từ trên thang,
        giật kinh phong, giựt kinh phong, lên kinh phong, lên cơn kinh phong
        """, service="115", tags="sick", fold="tone"),
    entry("medical", "high", 3, """
        nóng hầm hặp, hầm hập, hầm hặp, nóng hừng hực
        """, tags="sick"),
    # Round 5, 114 and 113 as Vosk damages them or the south says them: "khối đen" (khói),
    # "chèo rào" (trèo), "đập tủ kín" (kính); a husband beating his wife now.
    entry("other", "emergency", 5, """
        khối đen, khối đen ra, khối mù mịt, khối bốc lên, khối đầy nhà, khối đen kịt
        """, service="114", tags="fire smoke", fold="exact"),
    entry("violation", "emergency", 5, """
        chèo rào, chèo tường, chèo cổng, leo dào, trèo dào, đập tủ kính, đập tủ kín,
        đập kính lấy đồ, đập tủ lấy đồ, phá tủ kính
        """, service="113", tags="crime", fold="tone"),
    entry("violation", "emergency", 5, """
        đập vợ, đập chồng, đang đập con, nắm tóc lôi, túm tóc lôi, nắm đầu lôi, nắm tóc kéo,
        túm tóc kéo
        """, service="113", tags="violence", fold="tone"),
    entry(None, "normal", 0, "vã mồ hôi, toát mồ hôi, đổ mồ hôi hột, run tay chân", tags="sweat"),
    entry(None, "normal", 0, """
        nói năng lung tung, nói lung tung, {k} nhận ra ai, {k} nhận ra người nhà, lừ đừ
        """, tags="confused"),
)

DESCRIBED_COMBOS: tuple[Combo, ...] = (
    Combo(("height", "cannot_leave"), "other", "emergency", 5, window=6, ordered=True,
          service="114", gives=frozenset({"stuck"})),
    Combo(("drink", "methanol"), "medical", "emergency", 5, window=12, ordered=True,
          service="115"),
    # sweating and confused: a hypoglycaemia, a heatstroke (round 5)
    Combo(("sweat", "confused"), "medical", "emergency", 5, window=10, ordered=True,
          service="115"),
)
# fmt: on
