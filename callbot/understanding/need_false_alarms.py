"""Look-alikes of emergencies that are none (round 5 of issue 13; read by :mod:`.need_lexicon`
and :mod:`.need_time`).

The fourth development part was written mostly of needs that look like emergencies. The
classes it showed, each covered in several wordings and regions, not by its sentences:

- **An animal in trouble** ("con mèo kẹt trên mái tôn không xuống được", "ổng dọa giết con
  chó nhà tui"): an emergency said of an animal named just before it, with no person
  between, or of one named right after it, is none (:data:`HUMANS`; an animal that bites
  or stings someone still makes that person's emergency: :data:`ATTACKS`).
- **A threat sent from afar** ("nhắn tin hăm dọa", "trên mạng dọa sẽ tìm tới"): a vague
  threat by message or online is a report, not danger at the door (:data:`REMOTE`); one to
  kill, burn or maim is still an emergency (:data:`LETHAL`).
- **A hazard with nobody hurt yet**: a missing drain cover one "could" fall into ("dễ sụp
  xuống"), a blocked fire exit "if there were a fire" ("có cháy là chết hết"), a shutter
  that will not open ("cửa cuốn ... không kéo lên được", :data:`FALSE_ALARM_ENTRIES`), a car
  locked with nobody inside.
- **A price said to be robbery** ("đúng là ăn cướp", "khác gì ăn cướp") or to kill ("giá xăng
  tăng muốn chết": :data:`.need_time_words.FEELINGS`): a report.
- **Oxygen that will run out** ("còn chừng nửa ngày nữa là hết"): high, not yet emergency.
- **A word of another service in a scene of one** (round 11): drooping eyelids ("mí mắt sụp
  xuống") are no collapse, a boat's propeller ("chân vịt chém vô đùi") no duck nor attacker,
  a blade dragged in sparks ("kéo lê tóe lửa") no fire, men jumping onto the bank ("nhảy lên
  bờ") no fall into the water (a cloth pressed on a wound: :mod:`.need_emergency`).
"""

from __future__ import annotations

from callbot.understanding.need_base import Demotion, Entry, entry
from callbot.understanding.need_time_words import phrases, words

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
FALSE_ALARM_ENTRIES: tuple[Entry, ...] = (
    # A word of another service in a scene of one (round 11, module docstring).
    entry("medical", "normal", 3, """
        mi mắt sụp, mí mắt sụp, mi mắt sụp xuống, mí mắt sụp xuống, mí sụp xuống, mắt sụp xuống,
        sụp mi, mí mắt bị sụp
        """, tags="sick", fold="tone"),
    entry(None, "normal", 0, """
        chân vịt, cánh quạt, nhảy lên bờ, nhảy lên ghe, nhảy qua ghe, nhảy sang ghe,
        nhảy lên tàu, nhảy lên xuồng, kéo lê tóe lửa, kéo lê xẹt lửa, cà tóe lửa, mài tóe lửa
        """),
    entry("medical", "emergency", 5, """
        chân vịt chém, chân vịt cắt, chân vịt cứa, chân vịt đánh, chân vịt quất, chân vịt cuốn
        """, tags="sick", fold="tone"),
    # "có cháy là chết hết": a fire supposed (the longest match keeps "cháy" out).
    entry(None, "normal", 0, """
        có cháy là, có cháy thì, có hỏa hoạn là, có hỏa hoạn thì, lỡ cháy là, mà cháy là,
        có cháy nổ là, có cháy nổ thì, có động đất là, có chuyện gì là
        """),
    # A door or a shutter that will not open: not someone in the water ("không kéo lên được").
    entry(None, "normal", 0, """
        cửa cuốn nhà, cửa cuốn nhà tui, cửa cuốn nhà tôi, cửa cuốn bị kẹt, cửa cuốn kẹt,
        cửa kéo bị kẹt, cửa sắt bị kẹt, cổng sắt bị kẹt, cổng bị kẹt, cửa cuốn bị hư
        """, tags="shutter"),
    # Threats said in front of the door (113 with an act: "la sẽ đốt nhà tui").
    entry(None, "normal", 0, "la sẽ, hét sẽ, chửi sẽ, la là sẽ, nói là sẽ, hét là sẽ",
          tags="threat"),
    # A price said to be robbery ("lấy tiền điện bốn ngàn một ký đúng là ăn cướp").
    entry("violation", "normal", 3, """
        đúng là ăn cướp, là ăn cướp, như là ăn cướp, khác gì ăn cướp, chẳng khác gì ăn cướp,
        không khác gì ăn cướp, y như ăn cướp, ăn cướp trắng trợn, cướp trắng trợn,
        khác gì cướp, chẳng khác gì cướp, đúng là cướp, như đi ăn cướp, giá ăn cướp,
        chém đẹp, bị chém giá
        """),
)
# fmt: on

FALSE_ALARM_DEMOTIONS: tuple[Demotion, ...] = (Demotion("water", "shutter", "normal"),)

# Who may be in danger: a person named between an animal and the emergency makes it theirs.
HUMANS = words("""
    người ông bà anh chị thằng đứa cô chú bác dì dượng má mẹ ba cha bố vợ chồng bé ổng bả ảnh
    chỉ cổ em cháu con_người nhóc ai
""")
# An animal that attacks a person: the emergency is the person's ("con chó cắn thằng nhỏ").
ATTACKS = words("cắn đốt chích húc mổ cào đá táp vồ")
ANIMAL_REACH = 10
# Between an animal and an emergency, these make the emergency someone else's: a person, an
# attack, or a new clause ("đang cho gà ăn thì nghe nổ lớn").
# "quay" turns to someone else ("đánh con chó rồi quay qua đánh con nít": round 10).
NOT_OF_AN_ANIMAL = HUMANS | ATTACKS | words("thì mà nhưng nên giờ đang thấy nghe tự bỗng quay xong")
# "rồi" between them, and the emergency names a person: the animal's part is over and someone
# turns on that person ("đánh chó nhà tui rồi xông vô đánh ba tui"); "con chó ăn bả rồi co
# giật" names nobody and stays the dog's.
THEN = "rồi"
# A person named as an animal's owner is not in the scene ("con mèo nhà bà ngoại tui kẹt").
# ("tui"/"tụi" are no HUMANS: "xe tui", "tụi nó" name no one in danger; review of round 37I.)
OWNED = words("nhà của")
ANIMAL_AFTER = 3
# A threat sent from afar: by message, online, on the phone.
REMOTE = phrases("""
    nhắn tin, tin nhắn, trên mạng, qua mạng, lên mạng, qua điện thoại, gọi điện, facebook,
    phây, zalo, bình luận, inbox, comment, nhắn, gửi tin, tin nhắn thoại
""")
REMOTE_REACH = 5
# A threat to kill, burn or maim stays an emergency however it came ("nhắn tin dọa tối nay
# tới giết cả nhà tui", labelled 113 in the second development part).
LETHAL = words("giết đốt chém đâm bắn tạt axit thủ tiêu xử nổ")
# A crime relayed by message but said to be under way ("nhắn có người phá khóa đang vô nhà"),
# or the one it is done to hiding now ("nhắn có thằng cầm dao bám theo giờ cháu trốn").
UNDER_WAY = words("đang trốn núp")
UNDER_WAY_REACH = 6
