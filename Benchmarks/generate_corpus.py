#!/usr/bin/env python3
"""Generate a deterministic Arabic benchmark corpus for Hasila.

Usage: generate_corpus.py OUT_FILE TARGET_BYTES [DOCUMENTS_DIR] [SEED]

Sentences come from DOCUMENTS_DIR/*.txt when any exist, otherwise from the
built-in set below (human-rights-report style: casualty counts, diacritics,
tatweel, Arabic-Indic and ASCII digits, Latin words). They are mixed with a
fixed seed into short and long lines until the output reaches TARGET_BYTES
(it stops at the first line boundary at or past the target, so the file is at
most one line longer). Benchmark-only helper: the product never uses Python.
"""
import hashlib
import os
import random
import re
import sys

BUILTIN_SENTENCES = [
    "وثَّقت الشبكة مقتل ١٢ مدنيًّا، بينهم ٥ أطفال و٣ سيدات، في قصف جوي استهدف سوقًا شعبيًّا يوم ١٤ آذار/مارس ٢٠٢٣.",
    "قُتل 27 شخصًا على الأقل وأُصيب 61 آخرون بجروح متفاوتة إثر انفجار سيارة مفخخة وسط المدينة.",
    "سجَّلت اللجنة ٤٣٨ حالة اعتقال تعسفي خلال الربع الأول من العام، أُفرج عن ١٢٠ منها فقط.",
    "تعرَّضت مدرسة ابتدائية لقصف مدفعي أدى إلى مقتل ٨ تلاميذ ومعلِّمَين اثنين.",
    "بلغ عدد النازحين داخليًّا نحو ١٫٢ مليون شخص وفق تقديرات UNHCR الصادرة في أيلول/سبتمبر.",
    "أكَّد شهود عيان أن القوات الحكومية فتحت النار على المتظاهرين السلميين في ساحة الشهداء.",
    "التقرير الشهري رقم 17",
    "الحصيلة: ٩٦ قتيلًا.",
    "وثَّقـــت المنظمة ما لا يقل عن ٢٣٥ حالة اختفاء قسري منذ بداية النزاع، لا يزال مصير ١٨٩ منها مجهولًا.",
    "أفادت مصادر طبية في مستشفى المدينة بوصول 14 جثة، بينها جثث 4 أطفال دون سن الثامنة عشرة.",
    "استُهدفت قافلة مساعدات إنسانية تابعة لـ World Food Programme على الطريق الدولي، ما أسفر عن مقتل سائقَين.",
    "ملاحظة: الأرقام أولية وقابلة للتحديث.",
    "تُشير البيانات التي جمعها فريق الرصد الميداني إلى أن ٦٢٪ من الضحايا هم من المدنيين غير المقاتلين، وأن نسبة النساء والأطفال بينهم تجاوزت ٣٠٪، وهي نسبة مرتفعة مقارنةً بالأشهر السابقة التي شهدت تراجعًا نسبيًّا في حدة العمليات العسكرية.",
    "في الفترة الممتدة بين 1 و31 كانون الثاني/يناير 2024 وثَّق الفريق 1,274 انتهاكًا.",
    "قُصفت ثلاث منشآت طبية ومركز للدفاع المدني، وخرج مستشفى الأطفال عن الخدمة بشكل كامل.",
    "لقي ١٥ عاملًا حتفهم تحت التعذيب في مراكز الاحتجاز، وفق شهادات ذويهم.",
    "جدول (٣): توزُّع الضحايا حسب المحافظة",
    "ـــــ",
    "يُطالب التقرير مجلس الأمن الدولي بإحالة الملف إلى المحكمة الجنائية الدولية International Criminal Court ومحاسبة المسؤولين عن هذه الجرائم.",
    "سُجِّل مقتل ٣ صحفيين و٧ من العاملين في المجال الإنساني خلال شهر تشرين الأول/أكتوبر.",
    "أصابت غارة جوية مبنى سكنيًّا مؤلفًا من ٥ طوابق، ما أدى إلى مقتل عائلة كاملة مكوَّنة من ٩ أفراد.",
    "The Syrian Network for Human Rights (SNHR) documented 112 civilian deaths in March.",
    "ووفقًا لإحصاءات المكتب، فقد ارتفع العدد التراكمي للضحايا المدنيين إلى ٢٢٬٤٥٠ منذ عام ٢٠١١.",
    "تعرَّض 40 منزلًا للهدم، وشُرِّدت 230 أسرة في حي الشـــيخ.",
    "رصدنا استخدام الذخائر العنقودية في 6 هجمات على الأقل، جميعها في مناطق مأهولة بالسكان.",
    "المصدر: شهادات ميدانية، ص ٤٢.",
    "تُوُفِّي طفلان رضيعان بسبب نقص حليب الأطفال والأدوية الأساسية نتيجة الحصار المفروض منذ ٢٠٠ يوم.",
    "أُصيب 19 مدنيًّا، بينهم 6 نساء، برصاص قنَّاصة متمركزين على أسطح المباني المطلة على الطريق الرئيسي.",
    "لم تتمكَّن فرق الإنقاذ من انتشال ٢١ جثة من تحت الأنقاض حتى لحظة إعداد هذا التقرير.",
    "الفصل الثاني — الانتهاكات بحق الأطفال",
    "عدد الضحايا الإجمالي = ٣٤٧ (٢١٠ رجال، ٨٥ امرأة، ٥٢ طفلًا).",
    "وثَّقنا في الفترة ذاتها ما لا يقل عن 58 هجومًا على مرافق حيوية مدنية، من بينها 17 مدرسة و9 مساجد و4 أسواق.",
]

SENTENCE_SPLIT = re.compile(r"(?<=[.!?؟。])\s+|\n+")
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


def load_sentences(doc_dir):
    """Sentences from DOCUMENTS_DIR/*.txt (sorted, so the order is stable)."""
    sentences = []
    if doc_dir and os.path.isdir(doc_dir):
        for name in sorted(os.listdir(doc_dir)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(doc_dir, name), encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            for piece in SENTENCE_SPLIT.split(text):
                piece = piece.strip()
                if piece:
                    sentences.append(piece)
    if sentences:
        return sentences, "documents"
    return list(BUILTIN_SENTENCES), "builtin"


def vary_numbers(sentence, rng):
    """Replace each digit run with a fresh number in the same script, so the
    corpus is not a few hundred identical lines over and over."""
    def repl(match):
        run = match.group(0)
        value = str(rng.randint(1, 10 ** min(len(run), 5) - 1))
        if run[0] in ARABIC_INDIC:
            value = value.translate(str.maketrans("0123456789", ARABIC_INDIC))
        return value
    return re.sub(r"[0-9]+|[٠-٩]+", repl, sentence)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out_path = sys.argv[1]
    target = int(sys.argv[2])
    doc_dir = sys.argv[3] if len(sys.argv) > 3 else ""
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20240601
    sentences, origin = load_sentences(doc_dir)
    rng = random.Random(seed)

    written = 0
    lines = 0
    tmp_path = out_path + ".tmp"
    with open(tmp_path, "w", encoding="utf-8", newline="\n") as out:
        buf = []
        buf_bytes = 0
        while written + buf_bytes < target:
            roll = rng.random()
            if roll < 0.05:
                line = ""                                   # blank line
            elif roll < 0.55:
                line = vary_numbers(rng.choice(sentences), rng)  # short: one sentence
            elif roll < 0.90:                               # paragraph: 2-8 sentences
                line = " ".join(vary_numbers(rng.choice(sentences), rng)
                                for _ in range(rng.randint(2, 8)))
            else:                                           # very long line: 20-120 sentences
                line = " ".join(vary_numbers(rng.choice(sentences), rng)
                                for _ in range(rng.randint(20, 120)))
            data = line + "\n"
            buf.append(data)
            buf_bytes += len(data.encode("utf-8"))
            lines += 1
            if buf_bytes > (1 << 20):
                out.write("".join(buf))
                written += buf_bytes
                buf, buf_bytes = [], 0
        out.write("".join(buf))
        written += buf_bytes
    os.replace(tmp_path, out_path)
    digest = hashlib.sha256("\n".join(sentences).encode("utf-8")).hexdigest()[:16]
    print(f"corpus: {out_path}: {written} bytes, {lines} lines, "
          f"{len(sentences)} source sentences ({origin}, sha {digest}), seed {seed}")


if __name__ == "__main__":
    main()
