"""The need lexicon's emergencies: life-threatening now (read by :mod:`.need_lexicon`).

Callers rarely name the emergency; they describe it. So besides the medical words ("khó thở",
"bất tỉnh", "đột quỵ") this lists how it is said at home:

- unresponsive: "nằm im", "mềm nhũn", "trợn mắt", "không nhúc nhích", and a call or a shake
  that gets no answer ("kêu không trả lời", "gọi hoài hổng dậy", "lay mãi không tỉnh": the
  ``rouse`` + ``unanswered`` combination, unless the call is a phone call, "gọi điện");
- stroke: "tai biến" and "đột quỵ" as Vosk mishears them ("tai biếng", "độc quỵ"), a drooping
  face ("méo miệng", "xệ mặt"), slurred speech ("nói đớ", "nói ngọng"), one side weak ("liệt
  một bên", "tay chân một bên");
- bleeding: "máu ra nhiều", "máu không cầm được", "bê bết máu", "đi cầu ra máu";
- choking, drowning, a severe allergy ("sưng môi"), a fall from height, an electric shock,
  poisoning, a snake bite, breathing that stops ("không thở", "thở hắt", "thoi thóp").
"""

from __future__ import annotations

from callbot.understanding.need_base import OXY, Combo, Entry, each, entry

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
EMERGENCY_ENTRIES: tuple[Entry, ...] = (
    entry("medical", "emergency", 5, """
        khó thở, thở {k} được, {k} thở được, thở {k} nổi, {k} thở nổi, thở dốc, thở gấp,
        thở mệt, thở hổn hển, hụt hơi, ngộp thở, ngạt thở, tức thở, ngưng thở, ngừng thở,
        rút lõm ngực, lõm ngực, thở rút lõm, thở máy, {k} thở, {k} còn thở, tắt thở, hết thở,
        thở hắt, thở hắt ra, thở thoi thóp, thoi thóp, thở ngáp, ngáp cá, thở rít, thở khò khè dữ,
        tức ngực, đau ngực, nặng ngực, đau thắt ngực, ngừng tim, tim ngừng, nhồi máu,
        đau nhói ngực, nhói ngực, đau lồng ngực, đau ngực trái, ngực đau, lên cơn đau tim,
        bất tỉnh, bất tỉnh nhân sự, ngất, ngất xỉu, xỉu, hôn mê, {k} tỉnh, lịm đi, mê man,
        lơ mơ, mất ý thức, {k} còn ý thức, cứng đơ,
        mềm nhũn, người mềm, mềm oặt, lả đi, xụi lơ, trợn mắt, trợn trắng, trợn ngược,
        mắt trợn, mắt cứ trợn, trợn lên, trợn ngược lên, ngã quỵ,
        gục xuống, ngã gục, té gục, lăn đùng,
        người lạnh ngắt, lạnh ngắt,
        chảy máu, ra máu, mất máu, chảy nhiều máu, máu chảy, ho ra máu, nôn ra máu,
        ói ra máu, băng huyết, ra huyết, máu ra, máu {k} cầm, máu {k} ngừng, máu {k} dừng,
        {k} cầm máu, {k} cầm được máu, cầm máu {k} được, bê bết máu, đầy máu, toàn máu,
        máu me, máu tuôn, máu phun, ộc máu, hộc máu, nôn máu, ói máu, mất nhiều máu,
        chuyển dạ, trở dạ, chuyển bụng, sắp sinh, sắp đẻ, đang sinh, đau đẻ, đau bụng sinh,
        đau bụng đẻ, nước ối, rỉ ối, bể ối, sinh non, đẻ rơi,
        tím tái, tím môi, môi tím, co giật, co giựt, co dựt, lên cơn hen, lên cơn suyễn,
        lên cơn động kinh, sùi bọt mép, đột quỵ, tai biến, méo miệng, méo mặt, liệt nửa người,
        yếu nửa người, xuất huyết não,
        tai biếng, tai biển, tai biếm, tai biền, độc quỵ, đột quị, độc quị, đột kị, độ quỵ,
        mếu miệng, méo mồm, méo xệ, xệ mặt, xệ miệng, mặt xệ, miệng méo, lệch miệng, liệt mặt,
        nói đớ, nói ngọng, nói đớt, nói lắp bắp, nói {k} rõ, nói {k} ra lời, nói {k} ra tiếng,
        líu lưỡi, cứng lưỡi, liệt một bên, yếu một bên, tê một bên, tê nửa người, tê liệt nửa người,
        tay chân một bên, một bên người, một bên tay chân, yếu liệt,
        cấp cứu, nguy kịch, sắp chết, hấp hối, chuyển nặng,
        trở nặng, nguy hiểm tính mạng, sốc phản vệ, ngộ độc, một một năm, một một lăm,
        một trăm mười lăm, {k} muốn sống, chán sống, tự sát, quyên sinh,
        nhảy lầu, nhảy cầu, uống thuốc chuột, uống thuốc sâu, kết liễu,
        mắc nghẹn, bị nghẹn, nghẹn thở, nghẹn họng, hóc xương, bị hóc, mắc xương, hóc hạt,
        sặc sữa, bị sặc, sặc nước, chết đuối, bị đuối, ngạt nước,
        sưng môi, sưng lưỡi, sưng họng, sưng cổ họng, phù mặt, phù môi, dị ứng nặng, sốc thuốc,
        phản vệ, té lầu, té từ trên lầu, rớt từ trên lầu, té từ trên cao, ngã từ trên cao,
        rớt từ trên cao, rơi từ trên cao, té giàn giáo, rơi từ tầng, té cầu thang,
        ngã cầu thang, té từ trên, ngã từ trên, rớt từ trên, rơi từ trên,
        té từ mái, té từ lầu, té từ tầng, rơi từ lầu, té cây, té từ cây, đập đầu,
        chấn thương sọ não, chấn thương đầu, vỡ đầu, bể đầu,
        điện giật, giật điện, bị điện giật, chạm điện, trúng độc, uống nhầm, uống lộn thuốc,
        quá liều, ngạt khí, ngộ độc khí, rắn cắn, bị rắn cắn
        """, tags="sick"),
    # Seizures that go on or come back: "giật liên tục", "lên cơn giật", "cơn thứ ba".
    entry("medical", "emergency", 5, """
        lên cơn giật, cơn giật, lên cơn giựt, cơn giựt, giật liên tục, giựt liên tục,
        giật liên hồi, giật từng cơn, giựt từng cơn, giật tiếp, giựt tiếp, giật không ngừng,
        giật {k} ngừng, giật {k} dứt, giựt {k} dứt, giật hoài, giựt hoài, giật mãi, giật lại,
        giật cơn nữa, lên cơn nữa, lên cơn lại, lại lên cơn, cơn thứ hai, cơn thứ ba,
        cơn thứ tư, cơn thứ mấy, cơn nữa rồi, giật mấy cơn, giật cứng người, giật cả người,
        co giật liên tục, co giật hoài, co giật lại, lên cơn co giật, lên cơn động kinh nữa,
        bị giật cả người, bị giật liên tục, bị giật hoài, bị giật từng cơn, bị giật từng hồi,
        giật từng hồi, bị giật tay chân, cơn này tới cơn khác, cơn này qua cơn khác,
        lên cơn hoài, lên cơn liên tục, lên cơn {k} ngừng, lên cơn mãi, lên cơn nữa rồi
        """, tags="sick seizure", fold="tone"),
    # A fit that will not end ("lên cơn mà lâu quá chưa hết cơn": the fit + not_over combination).
    entry(None, "normal", 0, "lên cơn", tags="fit"),
    entry(None, "normal", 0, """
        chưa hết cơn, {k} hết cơn, chưa dứt cơn, {k} dứt cơn, cơn kéo dài, lâu quá chưa hết
        """, tags="not_over"),
    # What jerks but is no seizure: a network, a screen, an eyelid (DEMOTIONS: the seizure
    # words fall to normal when one is named).
    entry(None, "normal", 0, """
        mạng, wifi, wi fi, internet, đường truyền, màn hình, hình ảnh, video, lag, giật lag,
        mí mắt, mí mắt giật, mắt giật, giật mí mắt, mắt giựt, bắp thịt giật, cơ giật
        """, tags="twitch"),
    # No answer, no movement: an emergency, unless the answer says the person sleeps soundly
    # ("ngủ say", "ngáy": the "unresponsive" hits are then dropped, :mod:`.need_time`).
    entry("medical", "emergency", 5, """
        gọi {k} dậy, lay {k} dậy, kêu {k} dậy, gọi {k} tỉnh, {k} phản ứng, {k} cử động,
        {k} nhúc nhích, {k} động đậy, {k} cựa quậy, {k} mở mắt, nằm bất động, bất động, nằm đơ
        """, tags="sick unresponsive"),
    # "muốn chết" is a wish to die, unless a feeling is said big ("đau đầu muốn chết vì giấy
    # tờ", "nghe giá mà muốn ngất": the "hyperbole" hits are then dropped, :mod:`.need_time`).
    entry("medical", "emergency", 5, """
        muốn chết, gần chết, muốn xỉu, muốn ngất, muốn ngất xỉu, chết mất, muốn té xỉu,
        muốn té ngửa, muốn xỉu ngang
        """, tags="sick hyperbole", fold="tone"),
    # Lying still: an emergency, unless the answer says the person is asleep or at play
    # (the "still" hits are then dropped, :mod:`.need_time`).
    entry("medical", "emergency", 5, "nằm im, nằm im re, nằm yên {k}, nằm im lìm",
          tags="sick still"),
    entry("medical", "emergency", 5, "vỡ ối, treo cổ, đau tim", fold="tone"),
    entry("medical", "emergency", 5, "tự tử, tự vẫn, chuyển giạ, trở giạ", fold="exact"),
    entry("medical", "emergency", 5, each(OXY,
        "cần {}", "hết {}", "thở {}", "xin {}", "thiếu {}", "tụt {}", "{} tụt", "{} thấp",
        "{} máu thấp")),
    entry("medical", "emergency", 5, "máy thở, " + each(OXY, "bình {}", "máy tạo {}", "máy thở {}"),
       tags="equipment"),
    # Said of the last hours: a wound, an overdose, a birth going wrong, a fall that hurt, a
    # breathing or heart that fails, a hypoglycaemia, a severe burn or sting.
    entry("medical", "emergency", 5, """
        bị xe cán, xe cán, cán qua người, dập nát, đứt lìa, đứt rời,
        xương lòi ra, gãy xương hở, máu chảy thành vũng, máu ra dữ, máu ra quá trời,
        cắt cổ tay, rạch tay, cứa cổ tay, uống thuốc ngủ, uống hết vỉ thuốc, uống cả vỉ thuốc,
        uống nguyên vỉ, uống hết lọ thuốc, uống thuốc diệt cỏ,
        uống thuốc trừ sâu, uống thuốc tự tử, uống axit, nuốt pin, ngộ độc thực phẩm,
        ngộ độc rượu, ăn nấm độc, đòi tự tử, đòi chết, ra tới đầu, thấy đầu em bé,
        ra nửa chừng, nhau {k} ra, đang đẻ, đang sanh, sắp sanh, chuyển bụng sanh, đẻ non,
        sanh non, thở khó, thở rất khó, thở {k} ra hơi, {k} ra hơi, thở yếu, thở rất yếu,
        thở phì phò, {k} thấy thở, môi thâm, môi tái, mặt tái, tái xanh, tái mét, tím ngắt,
        tím ngắc, người tím, tim {k} đập, tim ngừng đập, {k} thấy đập, {k} bắt được mạch,
        mất mạch, {k} còn mạch, mê sảng, {k} còn biết gì,
        {k} biết trời đất, sỉu, té sỉu, xỉu ngang, xụi, xụi một bên,
        xụi tay, xụi chân, {k} nói được nữa, tự nhiên {k} nói được, {k} đứng dậy được,
        {k} đứng lên được, {k} ngồi dậy được, nhức đầu muốn vỡ,
        đau đầu như búa bổ, đau đầu dữ dội, đau dữ dội, đau quằn quại, quằn quại,
        hạ đường huyết, tụt đường huyết, tụt đường, đường huyết tụt, tụt huyết áp,
        phỏng nặng, bỏng nặng, phỏng nước sôi, bỏng nước sôi, phỏng khắp người,
        bỏng khắp người, bỏng xăng, phỏng xăng, ong vò vẽ, ong bò vẽ, ong đốt khắp người,
        bị ong đốt nhiều, sốc nhiệt, đuối nước, mắc trong cổ, mắc ở cổ, mắc cổ họng,
        nuốt đồng xu, hóc đồng xu, đau bụng dữ dội, đau bụng quằn quại, đau lăn lộn,
        rắn lục cắn, rắn hổ cắn, rắn độc cắn, rắn hổ mang cắn, phỏng nồi, nước sôi đổ,
        dầu sôi đổ, bỏng dầu, phỏng dầu, uống dầu hỏa, uống xăng, uống nhầm dầu,
        uống thuốc tẩy, uống nước tẩy, uống nhầm nước tẩy, ôm ngực, ngã xuống đất,
        té xuống đất, gục ngã, đổ gục, tự nhiên ngã, tự nhiên té, ngã lăn ra, té lăn ra,
        ngã ra đất, bỏng điện, phỏng điện, mạch đập yếu, mạch yếu, lạnh toát, người lạnh toát,
        bị ngạt, trúng gió, lên máu, thở dồn dập, ra nhiều máu, hen nặng, suyễn nặng,
        đứt động mạch, hít phải khí độc, bỏng axit, phỏng axit, sùi bọt, nổi bọt mép,
        cắn nát, cắn rách, cắn đứt, thuốc an thần, thuốc chuột, thuốc diệt chuột,
        vết thương sâu, rách sâu, đứt sâu, gãy cổ, gãy lưng, gãy cột sống, mất nước nặng,
        cứng hàm, cắn lưỡi, giật giật, giựt giựt, co quắp, giật tay chân,
        nằm vật ra, ngã vật ra, té vật ra, ngã vật xuống, té vật xuống, đổ vật ra, lăn đùng ra,
        ngã đùng ra, té đùng ra, lăn quay ra, ngã lăn quay, ú ớ, chỉ ú ớ, nói ú ớ,
        mặt tím, tím mặt, tím người, tím tái mặt, thở {k} đều, thở đứt quãng, thở ngắt quãng,
        thở khò khè rồi lịm, đốt than trong phòng, khí than, ngạt khói than, ngộ độc khí than,
        bấc tỉnh, bất tỉnh nhân sự, mắt nhìn lệch, mắt lệch một bên, nhìn lệch một bên,
        {k} nuốt được, ngoẹo đầu, ngoẹo cổ, gục đầu, mắc ngay cổ, mắc cổ, hóc ngay cổ,
        nghẹn ngay cổ, kẹt ngay cổ, tím luôn, tím hết người, hóc đồ ăn, hóc thức ăn,
        nghẹn đồ ăn, nghẹn thức ăn, mắc đồ ăn, hóc kẹo, nghẹn kẹo, hóc thạch, nghẹn thạch,
        máu xịt, xịt máu, máu vọt, vọt máu, máu trào, máu ra ướt, thấm ướt khăn, ướt hết khăn,
        ướt đẫm máu, thấm đẫm máu, máu thấm ướt
        """, tags="sick", fold="tone"),
    # A cut at home, a kitchen knife's ("bị dao phay cắt vô tay"): a wound (115), no weapon;
    # a cloth pressed on it ("đè hổng cầm được") is no one pressed under a collapse.
    entry("medical", "normal", 3, """
        bị dao cắt, dao cắt, bị dao phay cắt, dao phay cắt, bị dao cứa, dao cứa, bị dao đứt,
        dao phay cứa, bị dao phay cứa, dao phay chặt, bị dao phay chặt, dao phay đứt,
        dao cắt trúng, bị dao chặt, cắt trúng tay, cắt vô tay, cắt vô cổ tay, đứt tay,
        đè {k} cầm, đè {k} cầm được, đè chặt, đè lên vết, đè vết thương,
        đè lên vết thương, lấy khăn đè, lấy tay đè, đè khăn, ấn chặt, đè cầm máu,
        lấy áo đè, lấy vải đè, đè chặt vết thương, đè chỗ chảy máu
        """, tags="sick"),
    # A burn is severe when it is large ("bỏng từ bụng xuống chân", "phỏng đen hết lưng") or
    # of a fall into something boiling ("té lọt vô nồi nước sôi"): the burn + extent and the
    # fall + boiling combinations.
    entry(None, "normal", 0, """
        khắp người, khắp mình, hết lưng, cả lưng, cả người, toàn thân, nửa người, hết người,
        từ bụng, từ ngực, từ cổ, từ đầu, xuống chân, đen hết, đen thui, cả mặt, hết mặt,
        tróc da, lột da, phồng rộp
        """, tags="extent"),
    entry(None, "normal", 0, """
        đang sôi, nước sôi, dầu sôi, nồi nước sôi, chảo dầu, nồi nước lèo, nồi lẩu, nồi canh
        """, tags="boiling"),
    # A wound: 115, or 113 when the attackers are still there (need_service).
    entry("medical", "emergency", 5, "bị đâm, bị chém, bị bắn", tags="sick wound",
          fold="tone"),
    # Swallowed a whole pack ("uống cả lọ thuốc", "nuốt hết vỉ"): the swallow + pack combination.
    entry(None, "normal", 0, """
        uống hết, uống cả, uống nguyên, nuốt hết, nuốt cả, uống một lúc
        """, tags="swallow_all"),
    entry(None, "normal", 0, "vỉ, lọ, hộp, chai, bịch, hũ, tuýp", tags="pack"),
    # A call or a shake ("kêu", "lay") that gets no answer: an emergency together (COMBOS).
    entry(None, "normal", 0, """
        gọi, kêu, lay, lắc, đánh thức, gọi tên, kêu tên, vỗ, vỗ mặt, gọi hoài, kêu hoài,
        gọi mãi, kêu mãi, lay hoài, lay mãi
        """, tags="rouse"),
    entry(None, "normal", 0, """
        {k} trả lời, {k} thưa, {k} dậy, {k} lên tiếng, {k} ừ, {k} nói gì, {k} tỉnh lại,
        {k} hay biết, {k} biết gì, {k} biết gì hết, {k} biết chi, {k} dạ, {k} đáp,
        {k} thưa gì, {k} ừ gì
        """, tags="unanswered"),
    # Calls on the phone and words that contain an emergency's without being one.
    entry(None, "normal", 0, """
        gọi điện, gọi tổng đài, gọi số, gọi đường dây, gọi cho, gọi lên, gọi xuống, gọi qua,
        kêu gọi, gọi phường, gọi ủy ban, {k} ai trả lời, {k} ai nghe, {k} nghe máy,
        {k} bắt máy, bất động sản, kêu phường, kêu tổng đài, kêu ủy ban,
        kêu công an
        """),
)

EMERGENCY_COMBOS: tuple[Combo, ...] = (
    Combo(("rouse", "unanswered"), "medical", "emergency", 5, window=3, ordered=True,
          gives=frozenset({"unresponsive"})),
    Combo(("fit", "not_over"), "medical", "emergency", 5, window=6, ordered=True),
    Combo(("swallow_all", "pack"), "medical", "emergency", 5, window=2, ordered=True),
    Combo(("burn", "extent"), "medical", "emergency", 5, window=3, ordered=True),
    Combo(("fall", "boiling"), "medical", "emergency", 5, window=5, ordered=True),
)
# fmt: on
