"""Emergencies of the fifth development part's third writer (round 8 of issue 13; read by
:mod:`.need_lexicon`).

Each entry covers a kind of speech, in several wordings and as Vosk damages them, not one
transcript (what the fields mean: :mod:`.need_lexicon`):

- **Weapons and fire misheard** (113, 114): "xúng" for "súng" (s/x), "chỉa" for "chĩa";
  "lữa" for "lửa" ("lữa bốc cao", "ngọn lữa": matched exactly, "lần lữa" is no fire).
- **A cry for help in open water** (114, not 113's "la cứu"): a river, the sea, a strong
  current ("nước chảy xiết", heard "chải xiết") with a cry for help; a swimmer with cramp
  ("bơi ... bị chuột rút"); a boat named, then overturned ("chiếc ghe chở cát bị lật").
- **Fallen into a container** (114): a silo, a tank, a cesspit ("té vô cái bồn chứa"), or
  only the head showing ("còn thò cái đầu").
- **A lift stopped with people in it** (114): "dừng không đi", "cửa không mở" are the
  ``stall`` words of :mod:`.need_danger_more`.
- **Intruders heard or seen at work** (113): glass breaking downstairs with someone who
  should not be there ("tiếng kính vỡ ... nhà không có ai ở dưới"); strangers cutting a fence
  or a lock ("người lạ đang cắt hàng rào"); a man following someone and grabbing at them
  ("bám theo", heard "băm theo", ... "kéo áo").
- **Unconscious, overdosed, in labour** (115): "nằm liệm" (Vosk's "lịm"), "không gọi dậy
  được" (the order the lexicon lacked), drunk and not waking (``drink`` + ``unanswered``),
  breathing very slowly, "cô giật" (Vosk's "co giật"), the waters broken in a pregnancy
  (``pregnant`` + ``waters``), "em bé sắp ra".
- **Look-alikes**: a game or a film of shooting ("chơi điện tử bắn nhau"), music blaring
  ("nhạc sập sình": no collapse), a child who wants to be a firefighter ("lính cứu hỏa"),
  a house being renovated ("đập phá sửa nhà"), a gang of snatchers rumoured ("có băng giựt
  đồ hay đi"): reports, not emergencies.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
WITNESSED_ENTRIES: tuple[Entry, ...] = (
    # 113 and 114 misheard.
    entry("violation", "emergency", 5, """
        cầm xúng, có xúng, chỉa xúng, chĩa xúng, dí xúng, rút xúng, xúng nổ, bắn xúng,
        chỉa súng, chỉa dao, chỉa mã tấu
        """, service="113", tags="violence", fold="exact"),
    entry(None, "normal", 0, "xúng", tags="weapon"),
    entry(None, "normal", 0, "chỉa, móc, móc ra", tags="hold"),
    entry("other", "emergency", 5, """
        lữa bốc, lữa bốc cao, lữa cháy, lữa lớn, lữa bùng, ngọn lữa, biển lữa, lữa lan,
        cháy lữa, lữa đỏ rực
        """, service="114", tags="fire", fold="exact"),
    # 114: open water, a cramp, a boat overturned, a container fallen into.
    entry(None, "normal", 0, """
        nước chảy xiết, chảy xiết, chải xiết, nước xiết, sóng lớn, sóng to, ngoài khơi,
        giữa dòng, giữa sông, bãi biển, ngoài biển, ngoài sông, ngoài kênh, dưới sông,
        dưới kênh, dưới biển
        """, tags="open_water water_body"),
    entry(None, "normal", 0, "chuột rút, vọp bẻ, bị vọp bẻ, bị chuột rút", tags="cramp"),
    entry(None, "normal", 0, """
        ghe, xuồng, thuyền, đò, sà lan, ca nô, vỏ lãi, chiếc ghe, chiếc xuồng, cái ghe
        """, tags="vessel"),
    entry(None, "normal", 0, """
        bồn chứa, cái bồn, bồn nước, bồn bột, silo, hầm chứa, thùng chứa, hố vôi, hầm cầu,
        hố phân, hố sâu, bể chứa
        """, tags="container"),
    entry("other", "emergency", 5, """
        còn thò cái đầu, chỉ thò cái đầu, chỉ còn thò đầu, còn thò đầu, thò cái đầu ra la
        """, service="114", tags="collapse", fold="tone"),
    entry(None, "normal", 0, """
        dừng không đi, dừng lại không đi, đứng không đi, cửa {k} mở, cửa {k} chịu mở,
        {k} mở cửa ra được
        """, tags="stall"),
    # 113: intruders heard or at work, a man following and grabbing.
    entry(None, "normal", 0, """
        tiếng kính vỡ, tiếng bể kính, tiếng kính bể, tiếng vỡ kính, tiếng lục đồ,
        tiếng bước chân
        """, tags="break_sound"),
    entry(None, "normal", 0, """
        tiếng đàn ông, tiếng người lạ, tiếng người nói, {k} có ai ở dưới, {k} có ai ở nhà,
        nhà {k} có ai, {k} có ai ở trên, đâu có ai ở dưới, đi vắng, nhà đi vắng
        """, tags="nobody_home"),
    entry(None, "normal", 0, """
        cắt hàng rào, cắt rào, cắt lưới rào, cắt khóa, cưa khóa, cưa song sắt, cắt song sắt,
        cuộn dây đồng, cắt dây đồng, kéo dây đồng, tháo dây đồng, bẻ song sắt
        """, tags="intrude"),
    entry(None, "normal", 0, "băm theo, bặm theo, bám riết, đi theo em, theo em từ",
          tags="prowler"),
    entry(None, "normal", 0, """
        kéo áo, níu áo, giật áo, giựt áo, nắm tay em, kéo tay em, sờ soạng, ôm em, sờ người
        """, tags="grab"),
    # 115: unconscious, overdosed, in labour.
    entry("medical", "emergency", 5, """
        nằm liệm, liệm đi, liệm luôn, liệm dần, liệm mất, {k} gọi dậy được, {k} kêu dậy được,
        {k} lay dậy được, thở rất chậm, thở chậm lắm, thở chậm rì, thở chậm và yếu,
        cô giật, cô giựt, cô dật, em bé sắp ra, em bé sắp ra rồi, đứa nhỏ sắp ra rồi
        """, service="115", tags="sick", fold="exact"),
    entry(None, "normal", 0, """
        {k} thức dậy, {k} chịu thức dậy, {k} thức dậy được, {k} tỉnh dậy
        """, tags="unanswered"),
    entry(None, "normal", 0, """
        nước ra rồi, ra nước rồi, bể nước, vỡ nước, chảy nước ra, rỉ nước, nước chảy ra
        """, tags="waters"),
    # Look-alikes: a game, music, a dream job, a renovation, a rumour.
    entry("other", "normal", 2, """
        chơi điện tử bắn nhau, điện tử bắn nhau, game bắn nhau, trò chơi bắn nhau,
        chơi bắn nhau, phim bắn nhau, trò bắn súng, game bắn súng, chơi bắn súng,
        bị móc túi, bị móc bóp, lính cứu hỏa, làm lính cứu hỏa, nghề cứu hỏa, chú lính cứu hỏa,
        cô giật mình, cô giựt mình
        """),
    entry("violation", "normal", 3, """
        nhạc sập sình, sập sình, xập xình, nhạc xập xình, đập phá sửa nhà, đập sửa nhà,
        đập phá để sửa, đập tường sửa nhà, khoan đục, đục tường, băng giựt đồ, băng giật đồ,
        băng cướp giật, nạn cướp giật, nạn giật đồ, nạn giựt đồ, tình trạng cướp giật
        """),
)

_WATER = frozenset({"water"})
WITNESSED_COMBOS: tuple[Combo, ...] = (
    Combo(("open_water", "victim"), "other", "emergency", 5, window=8, service="114",
          gives=_WATER),
    Combo(("swim", "cramp"), "other", "emergency", 5, window=8, ordered=True,
          service="114", gives=_WATER),
    Combo(("open_water", "cramp"), "other", "emergency", 5, window=8, service="114",
          gives=_WATER),
    Combo(("vessel", "fall"), "other", "emergency", 5, window=8, ordered=True,
          service="114", gives=_WATER),
    Combo(("fall", "container"), "other", "emergency", 5, window=3, ordered=True,
          service="114", gives=frozenset({"stuck"})),
    Combo(("break_sound", "nobody_home"), "violation", "emergency", 5, window=None,
          service="113"),
    Combo(("stranger", "intrude"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
    Combo(("male", "intrude"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
    Combo(("prowler", "grab"), "violation", "emergency", 5, window=None, ordered=True,
          service="113"),
    Combo(("drink", "unanswered"), "medical", "emergency", 5, window=12, ordered=True,
          service="115"),
    Combo(("pregnant", "waters"), "medical", "emergency", 5, window=8, ordered=True,
          service="115"),
)
# fmt: on
