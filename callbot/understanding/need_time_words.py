"""The words that put a need out of the present, as data (read by :mod:`.need_time`).

Phrases as Vosk writes them, comma-separated; what each list does is said in
:mod:`.need_time`'s docstring (the rule's number is given here).
"""

from __future__ import annotations

Phrases = tuple[tuple[str, ...], ...]


def words(text: str) -> frozenset[str]:
    """The words of ``text`` as a set."""
    return frozenset(text.split())


def phrases(text: str) -> Phrases:
    """A comma-separated phrase list as word tuples."""
    return tuple(tuple(p.split()) for p in (" ".join(q.split()) for q in text.split(",")) if p)


# 1. Past, long-standing, recurring.
PAST = phrases(
    """
    năm ngoái, năm rồi, năm trước, năm kia, tháng trước, tháng rồi, tuần trước, tuần rồi,
    hôm qua, hôm kia, hôm trước, hôm bữa, hổm bữa, bữa trước, bữa hổm, bữa kia, hồi sáng,
    hồi trưa, hồi chiều, hồi tối, hồi khuya, hồi đêm, đêm qua, tối qua, sáng qua, chiều qua,
    trưa qua, hồi trước, lúc trước, trước đây, trước kia, hồi xưa, hồi đó, hồi năm, hồi tháng,
    lần trước, đợt trước, dạo trước, từng bị, từng có, đã từng, cách đây, hồi tết, hồi hôm,
    đầu tháng, cuối tháng, đầu năm, cuối năm, đã mất, đã qua đời, mất vì, chết vì, qua đời vì,
    mất do, chết do, qua đời do, tử vong vì, tử vong do, hồi chiến tranh, thời chiến tranh,
    chủ nhật rồi, chủ nhật trước, thứ bảy rồi, thứ bảy tuần trước, lúc mới sinh, khi mới sinh,
    lúc mới đẻ, hồi còn nhỏ, lúc còn nhỏ, lúc nhỏ, hồi bé, lúc bé, hồi còn bé, bữa tui thấy,
    bữa em thấy, bữa con thấy, bữa tui đi, bữa em đi, mất trong vụ, chết trong vụ,
    qua đời trong vụ, tử vong trong vụ, hy sinh trong vụ, ngày xưa, ngày trước, hồi ấy, ngày ấy,
    thuở trước, thuở xưa, khi xưa, lúc xưa, hồi trẻ, lúc trẻ, hồi còn trẻ, thời trẻ,
    bữa qua, hổm qua,
    từng ngộ độc, từng xỉu, từng ngất, từng té, từng co giật, từng đột quỵ, từng nhồi máu,
    từng lên cơn, từng uống,
    bữa con, bữa ba, bữa má, bữa mẹ, bữa ông, bữa bà, bữa chồng, bữa vợ, bữa thằng,
"""
    + ", ".join(
        f"{when} {day}"
        for when in ("hôm", "bữa", "hổm")
        for day in ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật")
    )
)
CHRONIC = phrases("""
    mấy năm nay, nhiều năm nay, mấy năm rồi, nhiều năm rồi, lâu rồi, lâu năm, lâu nay, từ nhỏ,
    bẩm sinh, từ lâu, bao năm nay, cả năm nay, mấy tháng nay, nhiều tháng nay, mỗi khi,
    mỗi lần, thường xuyên, đêm nào cũng, tối nào cũng, ngày nào cũng, sáng nào cũng,
    bữa nào cũng, hôm nào cũng, lần nào cũng, tuần nào cũng, hễ,
    mấy năm ni, nhiều năm ni, lâu ni, bao năm ni, cả năm ni, mấy tháng ni
""")
YEARS = words("năm tháng")
HOI = "hồi"
HOI_TIMES = words("sáng trưa chiều tối khuya đêm hôm trước xưa đó năm tháng tuần nhỏ tết đầu")
# "nãy" as said and as Vosk writes it; "hồi nãy giờ", "lúc nãy giờ": a while ago and all
# along since, not the past (round 9).
NAY = words("nãy nảy nẩy nẫy")
HOI_TIMES |= NAY | words("cuối mấy bữa hai ba bốn mười mới còn bé")
UNITS = frozenset({"ngày", "hôm", "bữa", "tuần", "tháng", "năm"})
HOURS = frozenset({"phút", "tiếng", "giờ", "giây"})  # units of the same day ("cách đây hai tiếng")
WHO = words("tui tôi em anh chị ổng bả nó con cháu mẹ má ba cha bố ông bà chồng vợ mình")
NUMBER_WORDS = words("không một hai ba bốn tư năm lăm sáu bảy tám chín mười mươi mốt trăm")
SINCE = frozenset({"từ", "tự"})
# Who is named by birth order ("bà tư", "ông bảy", "chú sáu"): the number is no count (29A).
TITLES = words("ông bà cô chú bác dì thím cậu mợ anh chị dượng")
# "muốn chết vì", "suýt chết do": no death in the past ("chết vì", "mất do" are).
NOT_YET_DEAD = words("muốn gần sắp suýt xém")
# Words that may close a clause after a trailing past marker ("hồi năm ngoái rồi á").
CLAUSE_END = words("rồi á à ạ đó nha nhé vậy thôi luôn mà nhưng")
# A conjunction right after a past marker: the marker closed the clause before it
# ("quậy phá hồi nãy mà bảo vệ đưa về rồi").
CLAUSE_JOINS = words("mà nhưng xong nên")
UNTIL_NOW = phrases("tới giờ, đến giờ, tới nay, đến nay, tới bây giờ, đến bây giờ, giờ vẫn")
PRESENT = phrases("""
    giờ, bây giờ, hiện giờ, hiện tại, hiện nay, lúc này, nãy giờ, bữa nay, hôm nay, đang,
    lại, vừa, vừa mới, tự nhiên, đột nhiên, bỗng nhiên, tự dưng
""")
# What the caller asks now closes a past stretch ("hồi nãy ... tui chỉ muốn báo cái ổ gà").
ASKING_NOW = phrases("hỏi, xin, báo, muốn hỏi, muốn xin, muốn báo")

# 2. Resolved, in hospital, nobody hurt.
RESOLVED = phrases("""
    giờ hết rồi, giờ đỡ rồi, giờ ổn rồi, đỡ rồi, ổn rồi, khỏi rồi, khỏe rồi, hết bệnh,
    bình thường rồi, không sao rồi, không sao, hông sao, hổng sao, không có sao, không bị sao,
    tỉnh lại rồi, tỉnh rồi, đã tỉnh, thở lại rồi, thở lại được, thở bình thường,
    cầm máu được rồi, cầm được rồi, hết chảy máu, máu ngừng chảy, máu cầm rồi,
    đã được cứu, cứu ra hết rồi, vớt lên kịp,
    cứu kịp, được cứu kịp, kéo lên kịp, công an tới rồi, công an bắt rồi, công an đã bắt,
    bỏ đi rồi, về ngủ rồi, đi viện về rồi, xuất viện, đưa vô viện rồi, đưa đi viện rồi,
    đã đưa đi cấp cứu, đi cấp cứu rồi,
    cấp cứu xong, lập biên bản rồi, qua rồi, hết nguy hiểm, được đưa đi cấp cứu,
    đưa đi cấp cứu rồi, đã được cấp cứu, hồi tỉnh, hồi phục, qua cơn, qua khỏi,
    ăn uống bình thường, chơi bình thường, đi lại bình thường, nói chuyện bình thường,
    sinh hoạt bình thường, hết đau, hết sưng, tỉnh lại liền, tỉnh lại ngay, rồi tỉnh lại,
    mẹ tròn con vuông, sinh xong rồi, sanh xong rồi, đẻ xong rồi, mẹ con khỏe, mẹ con đều khỏe,
    mẹ con bình an, sinh được bé, sanh được bé, đẻ được bé, sinh được con, sinh ra rồi,
    sinh thường rồi, thở lại êm, thở êm lại, thở êm rồi, thở được rồi, thở lại ngon, dịu lại rồi,
    đỡ hơn rồi, bớt rồi, đỡ nhiều rồi, đỡ được nhiều rồi, đỡ nhiều lắm rồi,
    khóa van rồi, khóa van lại rồi, đã khóa van, khóa bình rồi, khóa bình ga rồi, hết mùi rồi,
    giờ hết mùi, hết mùi ga rồi, không còn mùi,
    tỉnh táo bình thường, giờ tỉnh táo, tỉnh táo lại, tỉnh táo rồi, tỉnh queo, khỏe re,
    khỏe re rồi, giờ khỏe, khỏe lại rồi, là hết liền, hết liền, hết ngay,
    hết tê rồi, hết run rồi, hết ói rồi, hết khó thở rồi, hết mệt rồi,
    máu ngưng rồi, máu ngừng rồi, ngưng chảy, ngừng chảy, cầm lại rồi, một hồi nó ngưng rồi,
    một lát nó ngưng rồi, một lúc nó ngưng rồi, băng lại ngưng rồi,
    cười giỡn, cười nói bình thường, giỡn bình thường, chạy nhảy bình thường,
    chạy nhảy lại, ăn ngủ bình thường, ngồi dậy nói chuyện, nói chuyện lại bình thường,
    chơi lại bình thường, ăn được rồi,
    bỏ đi mất tiêu, bỏ đi mất rồi, giờ im re, giờ êm rồi, giờ yên rồi, nhưng giờ đi rồi,
    mà giờ đi rồi, giờ tụi nó đi rồi, giờ nó đi rồi, giờ ổng đi rồi, giờ bỏ đi rồi,
    cho về rồi, cho về nhà rồi, ở tạm, xong xuôi rồi, chơi vui vẻ, trong đó vui vẻ,
    chạy lại bình thường, chạy lại rồi, hoạt động lại bình thường, mở cửa ra được rồi
""")
# "qua rồi" after a time is that time ("từ hôm qua rồi"), not "it has passed".
TIMES = words("hôm đêm tối sáng chiều trưa bữa tuần tháng năm khuya")
# Nor after a spreading ("lửa lan qua rồi": it has spread over, round 9).
SPREADING = words("lan tràn")
# A fire put out: resolves the fire, not the burns ("lửa dập rồi mà ổng phỏng nặng").
FIRE_OUT = phrases("""
    dập tắt, dập xong, dập được rồi, tắt rồi, lửa tắt, lửa đã tắt, hết cháy, xịt xong, xịt tắt
""")
# "<verb> ... rồi": a completed rescue or return ("tìm được rồi", "mở ra được rồi", "nước
# rút rồi"); :data:`FIRE_OUT_VERBS` resolve a fire only ("tạt nước tắt liền rồi").
COMPLETED_VERBS = phrases("""
    tìm được, tìm thấy, kiếm được, kiếm thấy, chở về, đưa về, dẫn về, đem về, về tới nhà,
    mở được, mở ra được, ra được, thoát ra được, thoát được, nước rút, rút nước,
    nuốt trôi, cứu được, kéo ra được, lôi ra được, về nhà, mở ra, mở cửa ra, tìm về, kiếm về,
    dắt về
""")
FIRE_OUT_VERBS = phrases("tắt, dập, dập tắt, ngắt điện, rút điện, cúp cầu dao")
COMPLETED_REACH = 3
DONE = "rồi"
# Helpers who took care of it: "xe cứu thương chở đi rồi", "bảo vệ khu phố đưa về rồi".
HELPERS = phrases("""
    xe cứu thương, cứu thương, xe cấp cứu, một một năm, một một lăm, bảo vệ, công an,
    dân phòng, cảnh sát,
    cứu hỏa, lính cứu hỏa, người ta, hàng xóm, bác sĩ
""")
CARRY = words("chở đưa đem dẫn khiêng")
# What helpers do to an emergency, then "rồi" within HANDLED_REACH words (round 5).
HANDLING = phrases("""
    giải tán, lập biên bản, xử lý, xịt, xịt nước, dập, bắt, còng, tới giải quyết, giải quyết,
    can ra, can ngăn, dẹp, dẹp yên, chữa, cứu ra
""")
HANDLED_REACH = 6
# Said right after a past marker, it says ongoing ("cháy hồi nãy chưa tắt"): the marker does
# not time what came before it.
STILL_AFTER = words("vẫn còn chưa tới đến nay hoài mãi")
HELPER_REACH = 5
HOSPITAL = phrases("""
    đang nằm viện, nằm bệnh viện, đang nằm bệnh viện, điều trị ở bệnh viện,
    điều trị tại bệnh viện, đã nhập viện, nhập viện rồi, đang điều trị ở, nằm viện,
    ở bệnh viện, trong bệnh viện, tại bệnh viện, đang ở viện, bác sĩ đang theo dõi,
    đang được cấp cứu, đang cấp cứu ở, đã được đưa vô viện, ở trong viện, ở bệnh diện,
    nằm bệnh diện, điều trị ở bệnh diện, trong bệnh diện, có bác sĩ chăm, bác sĩ chăm rồi,
    trong đó có bác sĩ theo dõi, có bác sĩ theo dõi rồi, bác sĩ theo dõi rồi
""")
NOBODY_HURT = phrases("""
    không ai sao, không ai bị sao, không có ai bị sao, không ai bị gì, không ai bị thương,
    không có ai bị thương, may không ai, hổng ai sao, hông ai sao, không ai bị làm sao,
    không ai bị răng, không ai răng, không ai bị chi, không ai can chi, không ai việc gì,
    không có ai bị gì, hổng ai bị gì, hông ai bị gì, không ai bị thương gì
""")
# Nobody shut in: "thang máy kẹt mà không có ai ở trong" (rule 3, for who is shut in).
NOBODY_INSIDE = phrases("""
    không có ai ở trong, không ai ở trong, không có ai bên trong, không ai bên trong,
    không có ai trong đó, không ai trong đó, không có người bên trong, không có người ở trong,
    hổng có ai ở trong, hông có ai ở trong, hổng có ai trong, trong đó không có ai,
    bên trong không có ai, trống không, đi vắng hết, trong xe không có ai, trong xe không ai,
    trong nhà không có ai, trong phòng không có ai, còn cửa sau, đi cửa sau ra, ra cửa sau,
    chưa ai bị kẹt, chưa có ai bị kẹt, không ai bị kẹt, không có ai bị kẹt, hổng ai bị kẹt
""")

# 4. Denied, a drill.
DENIED = phrases("""
    không gấp, hông gấp, hổng gấp, không có gì gấp, chưa gấp, không gấp gáp, không khẩn cấp,
    không phải khẩn cấp, không phải cấp cứu, không cần cấp cứu, chưa cần cấp cứu,
    không nguy hiểm, không có gì nguy hiểm, không nguy kịch, không phải chuyện gấp,
    chưa tới mức cấp cứu, không tới mức cấp cứu, không nghiêm trọng, không có gì nghiêm trọng,
    không có gì nặng, không tới nỗi, không đến nỗi, nhẹ thôi, chút xíu thôi, không vội,
    khó thở nhẹ, thở nhẹ khi,
    từ từ cũng được, khi nào rảnh, lúc nào rảnh, không cần gấp, chưa cần gấp, hơi đau,
    đau nhẹ, bị nhẹ, nhẹ nhẹ, sơ sơ thôi,
    không có gì hết, không có gì cả, không có gì đâu, không có chuyện gì, báo nhầm,
    báo động giả, báo cháy giả, không có thật,
    hổng có gì đâu, hông có gì đâu, hổng có gì hết, hông có gì hết, chẳng có gì đâu,
    hổng có chuyện gì, hông có chuyện gì, không có thiệt, hổng có thiệt, hông có thiệt,
    không phải thật, không phải thiệt, hổng phải thiệt, hông phải thiệt
""")
# "... báo là không có gì" at the end of the answer: nothing happened.
NOTHING_AT_END = phrases("không có gì, hổng có gì, hông có gì, chẳng có gì")
DRILL = phrases("""
    diễn tập, tập huấn, tập dượt, thực tập, khói giả, giả vờ, giả bộ, đóng giả, tập chữa cháy,
    tập thoát hiểm, thao diễn
""")
# A ruse of the offenders, no drill: "hai thằng giả bộ mua hàng giật cái điện thoại" (round 8).
RUSE = words("mua hỏi xin quen khách")
REAL = words("thật thiệt")
REAL_REACH = 3

# 5. Joke, supposition, fear, future, habit.
JOKE = phrases("""
    giỡn, nói giỡn, giỡn thôi, đùa thôi, nói đùa, đùa chứ, giỡn chứ, nói chơi, nói vậy thôi,
    nói vậy chứ, nói quá thôi, nói cho vui, nói cho vui thôi, nói thế thôi, nói thế chứ,
    nói vậy hoài, la vậy hoài, chửi vậy hoài, nói quen miệng, quen miệng, cửa miệng, nói cửa miệng,
    dọa chơi, dọa cho sợ, chứ có đánh đâu, chứ có đánh ai đâu, chứ đâu có đánh,
    chứ có làm gì đâu, chứ có làm gì ai đâu, chứ có đụng ai đâu, chứ có giết ai đâu,
    chứ không có đánh, chứ có đánh bao giờ, chứ đâu có làm gì
""")
SUPPOSED = phrases("""
    nếu, lỡ mà, lỡ như, nhỡ mà, nhỡ như, lỡ có, lỡ nhà, lỡ ai, nhỡ có, nhỡ ai, giả sử,
    phòng khi, trường hợp, cách sơ cứu, sơ cứu,
    cách xử lý khi, làm sao khi, khi có người, hỏi dấu hiệu, hỏi triệu chứng, hỏi biểu hiện,
    dấu hiệu nhận biết, cách nhận biết, để nhận biết
""")
# "tưởng": what the caller thought, until "ai dè", "hóa ra" say what it was.
MISTAKEN = phrases("tưởng, tưởng là, cứ tưởng, tưởng đâu, tưởng như")
REVERSAL = phrases("""
    ai dè, hóa ra, té ra, thì ra, nào ngờ, ai ngờ, không ngờ, coi thì, qua coi thì,
    ra coi thì, nhìn kỹ thì, mới biết là
""")
FEARED = phrases("""
    sợ, lo, e là, nguy cơ, có nguy cơ, sợ là, sợ bị, lo bị, ngại, sợ rằng, lo là, dễ, dễ bị,
    có thể bị, coi chừng bị
""")
# A fear said as a feeling, not of a future event: "tui sợ quá, tụi nó đang đập cửa".
FEAR_FELT = words("quá lắm hãi run muốn thiệt thật chết wá qá ghê")
FUTURE = phrases("""
    mai mốt, có ngày, sau này, lúc nào không hay, ngày mai, mai này, tuần sau, tháng sau,
    năm sau, tương lai, về sau, biết đâu, lỡ sau này, hồi nào không hay
""")
# Where a feared or future clause ends.
# "lỡ cháy thì sao", "nhỡ nó té xuống thì làm sao": a "lỡ" answered by "thì sao" within
# WHAT_IF_REACH words is supposed (a "lỡ" alone is "by accident": "tui lỡ bấm nhầm").
WHAT_IF = words("lỡ nhỡ")
WHAT_IF_ENDS = phrases("""
    thì sao, thì làm sao, thì phải làm sao, thì tính sao, thì làm gì, thì phải làm gì,
    thì gọi ai, thì gọi số nào, thì báo ai, thì xử lý sao, thì xử lý thế nào, thì thế nào
""")
WHAT_IF_REACH = 8
CLAUSE_BREAKS = words("mà nhưng nên tại vì muốn xin cần hỏi nhờ giờ đang còn lại")
# A year said ("năm hai ngàn mười lăm", "năm chín lăm"): before this one, a past marker.
YEAR = "năm"
FIRST_YEAR = 1945
# An emergency a programme is for, further than TOPIC's reach when "cho" says who
# ("tiền hỗ trợ của phường cho nhà bị cháy").
FOR_WHOM = "cho"
HABIT = phrases("hay, thường, thường hay, lâu lâu, thỉnh thoảng, hay bị, thường bị")
OR_WHAT = words("sao gì là không chưa hông hổng ai đâu chi")

# "có phải bị ngộ độc không", "không biết có bị X không": asked, not said (the symptoms
# said apart still count).
DOUBT = phrases("có phải, có phải là, có phải bị, không biết có, hổng biết có, hông biết có")
DOUBT_REACH = 3
DOUBT_ENDS = words("không hông hổng ko chưa ta")

# 5b. Figures of speech: a simile, a game or a film, a feeling said big.
SIMILE = phrases("như, như là, như bị, y như, giống như, tưởng như, như thể")
SIMILE_REACH = 4  # "như có tảng đá đè"
SEEMING = words("hình dường vẻ")
# "bụng cứng như đá", "người cứng như khúc gỗ": a body described, no supposition.
DESCRIBING = words("cứng")
FICTION = phrases("""
    game, chơi game, trò chơi, chơi trò, phim, coi phim, xem phim, trong phim, đóng phim,
    phim hành động, đồ chơi, súng đồ chơi, súng nước, chơi đồ hàng
""")
FICTION_REACH = 4
# Seen in the news or on a screen (round 5): "đọc báo thấy vụ cháy chung cư", "coi phim thấy
# người ta bị bắt cóc", "đọc tin có vụ bắt cóc trẻ em": a media word, then within
# MEDIA_REACH words a word of telling ("thấy", "vụ", "nói"), scopes over its clause.
NEWS = phrases("""
    đọc báo, coi báo, xem báo, báo đăng, báo đài, đọc tin, coi tin, xem tin, nghe tin,
    tin tức, bản tin, coi thời sự, xem thời sự, nghe thời sự, thời sự, lướt mạng, lướt phây,
    lướt facebook, lướt tóp tóp, lướt tiktok, đọc trên mạng, coi trên mạng, xem trên mạng,
    nghe kể, nghe người ta kể, nghe đồn, đọc truyện, phim thảm họa, phim kinh dị, phim hình sự,
    phim hành động, phim ma, phim chiến tranh, phim xác sống, phim cảnh sát
""")
# The news as rounds 27N and 27P read it (a case in the news, then "vụ" or a question): the
# television too, and a telling word said with it.
NEWS_ASKED = phrases("""
    coi ti vi, xem ti vi, coi tivi, xem tivi, thấy trên ti vi, coi ti vi thấy, trên ti vi,
    ti vi nói, tivi nói, ti vi đưa tin, coi thời sự, xem thời sự, nghe thời sự, thời sự nói,
    coi tin tức, xem tin tức, tin tức nói, đọc báo, coi báo, đọc báo thấy, báo đăng, báo nói,
    coi trên mạng, xem trên mạng, coi phây, nghe tin, nghe đài, đài nói, loa phường nói
""")
# Heard from others (rounds 27N, 27Q): what they read of it is theirs.
HEARD = phrases("nghe nói, nghe đồn, nghe tin, nghe người ta nói, nghe bà con nói, người ta nói")
TELLING = words("thấy vụ nói kể đưa chiếu đăng có về")
# On a screen, what was told must be a scene ("coi phim thấy người ta bị..."): "đang coi
# phim thấy ổng ôm ngực" is the caller's own evening.
SCREEN = phrases("""
    coi phim, xem phim, phim, coi clip, xem clip
""")
SCENE = phrases("thấy người ta, thấy cảnh, thấy vụ, có cảnh, có vụ, nhân vật, diễn viên")
MEDIA_REACH = 3
# Where an event said was shown: "cướp tiệm vàng trên ti vi", "vụ cháy trên báo" (the event
# within ON_MEDIA_REACH words before).
ON_MEDIA = phrases("""
    trên ti vi, trên tivi, trên báo, trên mạng, trên thời sự, trong phim, trên phim,
    trên tin tức, trên facebook, trên phây, trên face, trên zalo, trên tiktok, trong bản tin,
    trên đài, trong clip, trên youtube
""")
ON_MEDIA_REACH = 5
# "tưởng chuyện gì hóa ra ti vi mở phim": a reversal then something harmless, within
# REVEALED_REACH words, resolves what was said before it.
HARMLESS = words("""
    ti tivi phim game giỡn chơi mèo chó chuột gió pháo karaoke hát loa nhạc diễn tập
    quay đồ hàng nấu nướng đốt rác nhang khói bếp
""")
REVEALED_REACH = 4
# How a feeling is said big ("đau đầu muốn chết vì chuyện giấy tờ", "nghe giá mà muốn ngất").
FEELINGS = words("""
    nóng lạnh mệt khát buồn chán sợ lo tức giận ồn cười ngứa mỏi cực khổ bực ghét thèm nhớ hôi
    thúi thối dơ nghèo vui sướng ngán quê nực oi mập chật đông đau nhức quá trời luôn ngủ
    đói no căng mắc rầu ức điên khùng kẹt tắc chờ đợi tăng đắt giá thách nắng
""")
FEELING_REACH = 3
# A feeling said big with a cause after it ("muốn chết vì", "muốn xỉu với giá xăng") or a
# cause before ("nghe giá nhà mà muốn ngất"; "người ta": people in general).
HYPERBOLE_AFTER = words("vì với luôn á")
HYPERBOLE_BEFORE = words("mà nghe ta")

# 6. Asleep or at play; sound asleep ("ngủ say như chết, ngáy o o").
ASLEEP = phrases("""
    ngủ, ngủ say, ngủ trưa, ngủ ngon, ngủ ngon lành, ngáy, đang ngủ, chơi, chơi điện thoại,
    coi ti vi, coi tivi, xem ti vi, xem tivi, coi phim, xem phim, nghe nhạc, đọc sách,
    nghỉ trưa, nghỉ ngơi, ngủ khò, coi điện thoại, xem điện thoại, lướt điện thoại, nằm nghỉ,
    nằm chơi, thư giãn, lười dậy, nằm nướng, ngũ, ngũ say, ngũ ngon, đang ngũ, ngũ trưa
""")
SOUND_ASLEEP = phrases("""
    ngủ say, ngủ ngon, ngủ ngon lành, ngáy, ngủ khò, ngủ say như chết, ngủ như chết,
    thức khuya, ngủ bù, ngủ quên, ngủ mê, ngũ say, ngũ ngon, ngũ khò
""")
NOT_ASLEEP = frozenset({"chỗ", "nơi", "không", "chưa", "hổng", "hông", "mất", "khó"})

# 7. Beneficiaries and topics.
PROGRAMME = phrases("""
    hỗ trợ, trợ cấp, phụ cấp, tiền, phiếu, sức khỏe, chế độ, chính sách, lớp, lớp hè,
    trường, thẻ, bảo hiểm, dành cho, chương trình, câu lạc bộ, hội, khám
""")
TOPIC = phrases("""
    hỗ trợ, trợ cấp, chế độ, chính sách, bảo hiểm, chương trình, nạn nhân, thủ tục, bồi thường,
    tầm soát, phòng chống, phòng ngừa, tuyên truyền, kỹ năng phòng, nói chuyện về
""")
# "nón bảo hiểm", "mũ bảo hiểm": a helmet, no insurance (round 6).
NOT_A_TOPIC_AFTER = words("nón mũ")
# A disease right after a screening is what is tested for, not what someone has ("xét nghiệm
# tầm soát ung thư gan").
SCREENING = phrases("tầm soát, sàng lọc, khám sàng lọc, khám tầm soát")
SCREENING_REACH = 3
# What a test is for, right after it: "xét nghiệm sốt xuất huyết" asks for a test.
TEST_OF = phrases("xét nghiệm, test, test nhanh, thử")
# Said between a negation and what it denies: "không thấy tỉnh", "hổng còn thở".
ASPECTS = words("thấy còn có")
NEGATING = frozenset({"không", "chưa", "hổng", "hông", "chẳng", "bất", "bấc", "chả", "ko"})


def with_denials(table: Phrases) -> Phrases:
    """``table`` with each ``{k}`` read as every negation word ("thở {k} nổi")."""
    out: list[tuple[str, ...]] = []
    for p in table:
        negations = sorted(NEGATING) if "{k}" in p else ["{k}"]
        out.extend(tuple(n if w == "{k}" else w for w in p) for n in negations)
    return tuple(out)


def denied_before(said: list[str], start: int) -> bool:
    """Whether a negation word stands in the two words before ``start`` ("không sợ nước")."""
    return bool(NEGATING & set(said[max(0, start - 2) : start]))
