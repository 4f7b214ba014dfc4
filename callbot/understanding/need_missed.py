"""Emergencies the sixth development part showed the rules missing or sending to the wrong
service (round 9 of issue 13; read by :mod:`.need_lexicon`).

Each entry covers a kind of speech, in several wordings and as Vosk damages them, not one
transcript (what the fields mean: :mod:`.need_lexicon`):

- **A lift that fell or stopped between floors with people in it** (114, before the banging
  on its door that is 113's "đập cửa"): "thang máy rớt", "rơi tự do" (the ``elevator`` +
  ``fall`` combination); "đứng khựng giữa tầng", "treo lơ lửng" (``stall`` words).
- **A vehicle overturned with people inside** (114, the banging on its glass no break-in):
  "xe khách lật ngửa ... người bên trong đập kính" (``overturn`` + ``inside``).
- **A child shut in something** (114): crawled into a washing machine, a fridge, a car's
  boot, its door shut ("chui vô cái máy giặt ... cửa đóng lại"); a head stuck between bars
  ("kẹt đầu vô song sắt", Vosk's "song sắc"), even while the child is "khóc ngất" (sobbing,
  no faint).
- **Fire heard "chái"** (114): "đang chái", "chái lan qua", "chái lớn" (matched exactly:
  "chái nhà" is a lean-to).
- **Heat stroke with a person limp or not talking** (115): "say nắng" / "trúng nắng" with
  "nằm lả", "hổng nói được" (``heat`` + ``limp``).
- **A sting or a bite with a swollen face or wheezing** (115): "ong đốt" heard "bị ông
  đốt" (not "ông đốt rác": a man burning rubbish), with "sưng hết mặt" or "thở khò khè"
  (``allergen`` + ``swollen`` / ``wheeze``).
- **A button battery or a magnet swallowed** (115): "nuốt ... cục pin" (``battery`` +
  ``swallow``).
- **Slumped and not moving, as Vosk writes it** (115): "nằm gụt", "không nhút nhích".
- **Vomiting blood heard "mau", a rigid belly** (115): "ói ra mau bầm" (exact);
  "bụng cứng như đá" with belly pain (``belly`` + ``rigid``); panting heard "thở hỏn hển".
- **An oxygen reading of a father** ("ô xi ba tui tám mươi hai": "ba" is no number there;
  "của ba tui" is left to reach as far as "của mẹ tui" does).
- **A fight with chairs, bottles, an iron bar** (113, not the 115 of its blood): "vác ghế
  đập nhau", "phang nhau"; a bar taken out and struck with ("cây tuýp sắt ... ra đập":
  ``weapon`` + ``strike``).
- **A mugging or a snatch under way** (113): "kẹp cổ", "khóa cổ lấy bóp"; "dây chiền" for
  "dây chuyền".
- **Followed right now and afraid** (113): "có thằng đi theo em ... em sợ quá" (``follow`` +
  ``afraid``).
- **A passenger driven somewhere deserted and made to pay** (113): "chở đi đường lạ", "chỗ
  vắng" with "bắt tôi đưa hết tiền", "không cho xuống" (``detour`` / ``secluded`` +
  ``extort``).
- **The same part's misses of the rules alone** (the model aside): Vosk's damage to words
  the lexicon has ("than máy", "kêng", "giến", "xĩu", "rắng cắn", "bắt cốc", "ôm ngựt",
  "cầm giao dượt", "kẹt lơ lững"); a car's door that will not open in rising water (``car``
  or ``flood`` + ``shut``); a child touched, a wife dragged by the hair (113).
- **Look-alikes**: a fight in a game or on the internet, "khóc ngất" alone, a battery
  question, a washing machine's door stuck with clothes in it: no emergency (what is past,
  resolved, denied or in a film is :mod:`.need_time`'s).
"""

from __future__ import annotations

from callbot.understanding.need_base import OXY, SPO2, Combo, Entry, each, entry, pairings

_FATHER = ("ba tui", "ba tôi", "ba em", "ba con", "ba nó", "ba mình")
_ENCLOSURES = (
    "máy giặt", "cái máy giặt", "lồng máy giặt", "tủ lạnh", "cái tủ lạnh", "tủ đông",
    "thùng đá", "thùng phuy", "cái thùng phuy", "cốp xe", "cốp ô tô", "rương", "cái rương",
    "va li", "vali", "tủ quần áo", "thùng xốp",
)  # fmt: skip
_INTO = ("chui vô", "chui vào", "leo vô", "leo vào", "trèo vô", "trèo vào", "trốn trong",
         "nhốt trong", "bị nhốt trong", "kẹt trong")  # fmt: skip
_FOLLOWERS = (
    "có thằng", "có người", "có ông", "có tên", "có gã", "có đứa", "có người lạ", "có xe",
    "có chiếc xe", "mấy thằng", "hai thằng", "thằng đó", "thằng kia", "ông đó", "ông kia",
    "một thằng", "một người", "một ông", "người đàn ông", "gã đó", "hắn", "có ông lạ mặt",
    "có người lạ mặt", "có thằng lạ mặt", "ông lạ mặt", "thằng lạ mặt", "người lạ mặt",
)  # fmt: skip
_FOLLOWING = ("đi theo", "cứ đi theo", "bám theo", "cứ bám theo", "chạy theo", "chạy xe theo",
              "theo dõi", "lẽo đẽo theo", "đi sau lưng", "bám đuôi", "theo sát")  # fmt: skip

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
MISSED_ENTRIES: tuple[Entry, ...] = (
    # 114: a lift fallen or stopped, a vehicle overturned, a child shut in, fire heard "chái".
    entry(None, "normal", 0, """
        rơi tự do, rớt tự do, tuột xuống, rớt cái rầm, rơi cái rầm, rớt mấy tầng,
        rơi mấy tầng, rớt từ tầng
        """, tags="fall"),
    entry(None, "normal", 0, """
        đứng khựng, đứng khựng lại, khựng lại, khựng giữa, lơ lửng giữa,
        kẹt giữa lầu, đứng giữa lầu, dừng giữa lầu, đứng giữa tầng lầu, dừng đột ngột,
        đứng cứng
        """, tags="stall"),
    entry(None, "normal", 0, """
        lật ngửa, lật nghiêng, lật úp, lật ngang, xe lật, lật xe, bị lật ngửa, bị lật nghiêng,
        lao xuống ruộng, lao xuống mương, lao xuống vực, lao xuống đèo, lăn xuống vực,
        lộn mấy vòng, lật mấy vòng
        """, tags="overturn"),
    entry(None, "normal", 0, """
        người bên trong, người ở trong, người trong xe, người trên xe, hành khách, khách trong xe,
        đập kính kêu cứu, đập cửa kêu cứu
        """, tags="inside"),
    # Lists made of every pairing: matched with the tones lost, no further (speed).
    entry(None, "normal", 0, pairings(_INTO, _ENCLOSURES),
          tags="enclosure", fold="tone"),
    entry(None, "normal", 0, """
        cửa đóng lại, cửa sập lại, đóng sập lại, cửa tự đóng, {k} mở ra được,
        kéo hoài {k} ra, kéo {k} ra
        """, tags="shut"),
    entry("other", "emergency", 5, """
        kẹt đầu vô song sắt, kẹt đầu vào song sắt, kẹt đầu trong song sắt, kẹt đầu vô song sắc,
        kẹt đầu vào song sắc, kẹt đầu vô lan can, kẹt đầu vào lan can, kẹt đầu vô hàng rào,
        kẹt đầu vào hàng rào, kẹt đầu vô khung cửa sổ, kẹt đầu vô chấn song, kẹt đầu vô cổng,
        kẹt đầu vô khe, kẹt tay vô máy, kẹt tay vào máy, đầu kẹt trong song sắt,
        chui đầu qua song sắt, thò đầu qua song sắt, thò đầu qua lan can rồi kẹt
        """, service="114", tags="trapped", fold="tone"),
    entry(None, "normal", 0, "khóc ngất, khóc ngất ngư, khóc ngằn ngặt"),
    entry("other", "emergency", 5, """
        đang chái, chái lan, chái lan qua, chái lan sang, chái lớn, chái dữ, chái dữ lắm,
        chái rụi, chái ngùn ngụt, bị chái, chái nhà rồi, chái hết rồi, lửa chái, bốc chái,
        chái bùng, chái quá trời
        """, service="114", tags="fire", fold="exact"),
    # 115: heat stroke, a sting, a battery swallowed, slumped, vomiting blood, a rigid belly.
    entry("medical", "high", 3, """
        say nắng, trúng nắng, bị say nắng, bị trúng nắng, cảm nắng nặng, say nóng
        """, tags="sick heat"),
    entry(None, "normal", 0, """
        nằm lả, lả người, lả ra, nằm lả ra, {k} nói được,
        {k} nói năng được, {k} trả lời được, {k} nói chuyện được
        """, tags="limp"),
    entry(None, "normal", 0, """
        bị ông đốt, ông đốt sưng, ông đốt trúng, bị ông chích, tổ ông, bầy ông, ông vò vẽ,
        ông bò vẽ, bị ong chích, ong vò vẽ đốt, ong mật đốt, ong bầu đốt, kiến lửa cắn,
        bị kiến lửa cắn, bò cạp chích, bọ cạp chích, rết cắn, bị rết cắn
        """, tags="allergen"),
    entry(None, "normal", 0, """
        sưng hết mặt, sưng cả mặt, sưng mặt, mặt sưng vù,
        sưng hết người, sưng cả người, sưng mí mắt
        """, tags="swollen"),
    entry("medical", "high", 3, "khò khè, thở khò khè, thở khè khè, thở rít rít",
          tags="sick wheeze"),
    entry(None, "normal", 0, """
        cục pin, viên pin, pin cúc áo, pin nút áo, cục pin nhỏ, viên pin nhỏ, pin đồng hồ,
        pin tròn, pin cúc, nam châm, viên nam châm, cục nam châm, hạt nam châm
        """, tags="battery"),
    entry(None, "normal", 0, """
        nuốt, nuốt vô, nuốt vào, nuốt phải, lỡ nuốt, nuốt mất, nuốt trọng, bỏ vô miệng nuốt
        """, tags="swallow"),
    entry("medical", "emergency", 5, """
        nằm gụt, gụt xuống, ngã gụt, té gụt, gụt ngã, gụt luôn, gụt tại chỗ, gụt đầu xuống,
        {k} nhút nhích, {k} nhúc nhít, {k} nhút nhít, {k} cụt cựa, nằm im {k} nhút nhích,
        thở hỏn hển, thở hổn hễn, ói ra mau bầm, ói ra mau đỏ, ói ra mau tươi, ói ra cục mau,
        ói ra toàn mau, ói mau bầm, nôn ra mau bầm, nôn ra mau tươi, mửa ra mau bầm,
        ho ra mau tươi, mửa ra máu, mửa ra máu bầm, ói ra máu cục, đi cầu ra mau đen
        """, service="115", tags="sick", fold="exact"),
    entry(None, "normal", 0, """
        bụng cứng như đá, bụng cứng ngắc, bụng cứng đơ, bụng cứng như gỗ, bụng cứng như tấm ván,
        bụng gồng cứng, bụng cứng lại, bụng căng cứng, bụng chướng cứng
        """, tags="rigid"),
    # An oxygen reading of a father: "ba" is the man, the number comes after.
    entry("medical", "high", 3, each(OXY + SPO2, *(f"{{}} {f}" for f in _FATHER)),
          tags="measure"),
    # 113: a fight with chairs or a bar, a mugging, a snatch, followed, a passenger extorted.
    entry("violation", "emergency", 5, """
        đập nhau, phang nhau, choảng nhau, quýnh nhau, uýnh nhau, oánh nhau, đập nhau túi bụi,
        vác ghế đập, cầm ghế đập, lấy ghế đập, vác ghế phang, cầm ghế phang, lấy ghế phang,
        quăng ghế, ném ghế, chọi ghế, phang ghế, chọi chai, ném chai bia, chọi chai bia,
        kẹp cổ, khóa cổ, ghì cổ, kẹp cổ lấy, khóa tay lấy, đang cướp bóp, giựt dây chiền,
        giật dây chiền, giựt sợi dây chiền, giựt dây chiềng, giựt giây chuyền
        """, service="113", tags="violence", fold="exact"),
    entry(None, "normal", 0, """
        tuýp sắt, cây tuýp, cây tuýp sắt, ống tuýp sắt, gậy sắt,
        cây gậy sắt, cây xà beng, mỏ lết, cây mỏ lết, gậy bóng chày,
        côn nhị khúc, cây ba ton
        """, tags="weapon"),
    entry(None, "normal", 0, """
        ra đập, đập ông, đập thằng, đập người, đập bà, đập anh, đập chị,
        rượt đập, ra phang
        """, tags="strike"),
    entry(None, "normal", 0, pairings(_FOLLOWERS, _FOLLOWING),
          tags="follow", fold="tone"),
    entry(None, "normal", 0, """
        sợ quá, sợ lắm, em sợ quá, tui sợ quá, tôi sợ quá, sợ muốn khóc, run quá, hoảng quá,
        tới giờ vẫn, tới giờ còn, vẫn còn theo, còn đang theo, vẫn đang theo, đang theo sau
        """, tags="afraid"),
    entry(None, "normal", 0, """
        lòng vòng, đường lạ, đi đường lạ, chở đi đường lạ, chạy đường lạ, chở vô chỗ vắng,
        chở vào chỗ vắng, chở ra chỗ vắng, chở tới chỗ vắng, chở lòng vòng, chở đi lòng vòng,
        chạy lòng vòng, vào chỗ vắng, vô chỗ vắng
        """, tags="detour"),
    entry(None, "normal", 0, """
        bắt tôi đưa, bắt tui đưa, bắt em đưa, bắt đưa tiền, đưa hết tiền, bắt chuyển tiền,
        bắt chuyển khoản, {k} cho xuống, {k} cho tôi xuống, {k} cho tui xuống,
        {k} cho em xuống, {k} cho xuống xe
        """, tags="extort"),
    # A baby crawls ("bò lượm cục pin"): no cow of the animals of need_false_alarms.
    entry(None, "normal", 0, """
        bò lượm, bò tới, bò ra, bò vô, bò lại, bò quanh, bò lung tung, biết bò, đang bò,
        bò dưới sàn, bò ra lượm
        """),
    # The same part's misses of the rules alone, the model aside: Vosk's damage to words the
    # lexicon has ("than máy", "kêng", "giến", "xĩu", "rắng cắn", "bắt cốc", "ôm ngựt",
    # "cầm giao dượt"), a car's door that will not open in water, a child touched by a man.
    entry(None, "normal", 0, "than máy", tags="stuck elevator", fold="exact"),
    entry(None, "normal", 0, "kêng, giến, giến khoan, cái giến", tags="water_body"),
    entry(None, "normal", 0, "diếng, dếng, cái diếng, cái dếng, miệng diếng, miệng dếng",
          tags="water_body", fold="exact"),
    entry(None, "normal", 0, "mở cửa {k} ra, cửa xe {k} mở được, kẹt cửa xe", tags="shut"),
    entry(None, "normal", 0, """
        tới giờ, đến giờ, tới bây giờ, đến bây giờ, núp trong, trốn trong cửa hàng,
        đứng ngoài chờ, đứng chờ ngoài
        """, tags="afraid"),
    entry("medical", "emergency", 5, """
        xĩu, bị xĩu, xĩu luôn, rắng cắn, bị rắng cắn, ôm ngựt, đau ngựt, tức ngựt, đau thắt ngựt
        """, service="115", tags="sick", fold="exact"),
    entry("other", "emergency", 5, """
        treo lơ lững, kẹt lơ lững, dây kẹt lơ lững, kẹt lơ lửng, dây kẹt lơ lửng,
        xe bồn chở khí lật, xe chở khí lật, xe bồn chở ga lật, khí xì ra trắng xóa
        """, service="114", tags="trapped", fold="exact"),
    entry("violation", "emergency", 5, """
        bắt cốc, bị bắt cốc, cầm giao dượt, cầm giao rượt, cầm giao chém, cầm giao đâm,
        cầm dao dượt, dượt chém, dượt đâm, dượt vợ, dượt đánh, nắm đầu vợ, nắm đầu chồng,
        nắm tóc vợ, túm tóc vợ, đang sờ mó, sờ mó con bé,
        đang sờ soạng, bịt miệng lôi, bịt miệng kéo, bịt miệng nó lôi, bịt miệng con bé
        """, service="113", tags="violence", fold="exact"),
    # Look-alikes: a fight played or online, a battery asked about, a door stuck on clothes.
    entry("other", "normal", 2, """
        game đập nhau, chơi đập nhau, phim đập nhau, đập nhau trên mạng, đập nhau trên phây,
        đập nhau trên facebook, pin cúc áo để xa, cất pin, thay pin, pin bị phồng,
        cửa máy giặt bị kẹt, cửa máy giặt kẹt, máy giặt kẹt cửa, máy giặt bị hư
        """),
)

MISSED_COMBOS: tuple[Combo, ...] = (
    Combo(("elevator", "fall"), "other", "emergency", 5, window=2, ordered=True,
          service="114", gives=frozenset({"shut_in"})),
    Combo(("overturn", "cannot_leave"), "other", "emergency", 5, window=10, service="114",
          gives=frozenset({"shut_in"})),
    Combo(("overturn", "inside"), "other", "emergency", 5, window=10, service="114",
          gives=frozenset({"shut_in"})),
    Combo(("enclosure", "shut"), "other", "emergency", 5, window=12, ordered=True,
          service="114", gives=frozenset({"shut_in"})),
    Combo(("car", "shut"), "other", "emergency", 5, window=12, service="114",
          gives=frozenset({"shut_in"})),
    Combo(("flood", "shut"), "other", "emergency", 5, window=12, service="114",
          gives=frozenset({"stuck"})),
    Combo(("enclosure", "cannot_leave"), "other", "emergency", 5, window=12, ordered=True,
          service="114", gives=frozenset({"shut_in"})),
    Combo(("heat", "limp"), "medical", "emergency", 5, window=8, ordered=True, service="115"),
    Combo(("heat", "confused"), "medical", "emergency", 5, window=8, service="115"),
    Combo(("allergen", "wheeze"), "medical", "emergency", 5, window=10, ordered=True,
          service="115"),
    Combo(("swallow", "battery"), "medical", "emergency", 5, window=8, service="115"),
    Combo(("swallow_all", "battery"), "medical", "emergency", 5, window=8, service="115"),
    Combo(("belly", "rigid"), "medical", "emergency", 5, window=8, service="115"),
    Combo(("weapon", "strike"), "violation", "emergency", 5, window=6, ordered=True,
          service="113"),
    Combo(("follow", "afraid"), "violation", "emergency", 5, window=None, ordered=True,
          service="113"),
    Combo(("detour", "extort"), "violation", "emergency", 5, window=None, service="113"),
    Combo(("secluded", "extort"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
)
# fmt: on
