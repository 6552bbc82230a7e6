// The reader's two ways through a case object: split at its arrays' items and parsed a batch at a
// time, events on several threads (the way every case file is read), and parsed whole (the way a
// text the split cannot make out is read). Both must give the same case and the same problems.
#include "anchoring.h"
#include "casegenerator.h"
#include "casereader.h"
#include "casewriter.h"
#include "jsondocument.h"
#include "jsonsplit.h"
#include "testcases.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace AT;

namespace {

const QLatin1StringView EventsKey[] = {QLatin1StringView("events")};

struct Ways
{
    CaseLoad whole;
    CaseLoad split; // on this thread
    CaseLoad parallel; // events on every core, however few
};

Ways readEveryWay(const QByteArray &text)
{
    Ways w;
    CaseReader::setReadingModeForTesting(CaseReader::ReadingMode::Whole);
    w.whole = CaseReader::readData(text, QStringLiteral("case.json"), QString());
    CaseReader::setReadingModeForTesting(CaseReader::ReadingMode::Split);
    CaseReader::setParallelEventsThresholdForTesting(std::numeric_limits<qsizetype>::max());
    w.split = CaseReader::readData(text, QStringLiteral("case.json"), QString());
    CaseReader::setParallelEventsThresholdForTesting(1);
    w.parallel = CaseReader::readData(text, QStringLiteral("case.json"), QString());
    CaseReader::setParallelEventsThresholdForTesting(-1);
    return w;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

QByteArray builtinText()
{
    QFile f(QStringLiteral(":/apt31-march-2024.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Ten events, e0 to e9, each citing source s1; `change` edits the text of the events array.
QByteArray tenEvents(const QByteArray &extra = {})
{
    QByteArray events;
    for (int i = 0; i < 10; ++i) {
        events += QByteArray(i ? ",\n" : "") + "{\"id\": \"e" + QByteArray::number(i) + "\", \"title\": \"Event "
            + QByteArray::number(i) + "\", \"category\": \"intrusion\", \"date\": {\"start\": \"2020-01-0"
            + QByteArray::number(i % 9 + 1)
            + "\"}, \"participants\": [{\"actor\": \"a1\", \"role\": \"attacker\"}], \"citations\": [{\"source\": "
              "\"s1\", \"quote\": \"hacked\", \"start\": 4, \"end\": 10}]}";
    }
    return "{\"format\": \"attribution-timeline-case\", \"version\": 1, \"title\": \"T\",\n"
           "\"sources\": [{\"id\": \"s1\", \"title\": \"S\", \"text\": \"APT hacked the firm.\"}],\n"
           "\"actors\": [{\"id\": \"a1\", \"name\": \"APT\", \"kind\": \"group\"}],\n"
           "\"events\": [\n"
        + events + extra + "\n]}";
}

} // namespace

class tst_SplitReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsAtTheElements();
    void refusesWhatItCannotMakeOut_data();
    void refusesWhatItCannotMakeOut();
    void sameCaseEveryWay_data();
    void sameCaseEveryWay();
    void sameProblemsEveryWay_data();
    void sameProblemsEveryWay();
    void roundTripIsByteIdentical();
    void fileReadAsItIsSplit();
    void fileReadAgainWhenALaterBatchFails();
    void duplicatesAcrossManyParts();
    void cancelStopsEveryThread();
    void memoryEstimateCountsExactly();
    void sameTextComparesWithoutConverting_data();
    void sameTextComparesWithoutConverting();
    void quotesShareTheirSourceText();
    void sharedSliceBehavesAsACopy();
};

void tst_SplitReader::splitsAtTheElements()
{
    const QByteArray text = R"( {"a": 1, "events" : [ {"x": "]}\"{"} ,2, "s\\\"]" ,[[]] ] , "b": [1]} )";
    const auto split = splitTopLevelArrays(text, EventsKey);
    QVERIFY(split);
    QCOMPARE(split->skeleton, QByteArray(R"( {"a": 1, "events" : [] , "b": [1]} )"));
    const SplitText::Array *events = split->array(QLatin1StringView("events"));
    QVERIFY(events);
    QStringList elements;
    for (const TextSpan &span : events->elements) {
        elements.append(QString::fromUtf8(text.sliced(span.begin, span.size())));
    }
    QCOMPARE(elements,
             (QStringList {QStringLiteral(R"({"x": "]}\"{"})"), QStringLiteral("2"), QStringLiteral(R"("s\\\"]")"),
                           QStringLiteral("[[]]")}));
    QCOMPARE(batchText(text, *events, 1, 3), QByteArray(R"([2, "s\\\"]"])"));
    QCOMPARE(split->array(QLatin1StringView("b")), nullptr);
    const auto empty = splitTopLevelArrays(R"({"events": [ ]})", EventsKey);
    QVERIFY(empty);
    QVERIFY(empty->array(QLatin1StringView("events"))->elements.empty());
}

void tst_SplitReader::refusesWhatItCannotMakeOut_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("not an object") << QByteArray(R"([{"events": [1]}])");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("escaped key") << QByteArray(R"({"ev\u0065nts": [1]})");
    QTest::newRow("key twice") << QByteArray(R"({"events": [1], "events": [2]})");
    QTest::newRow("after the object") << QByteArray(R"({"events": [1]} x)");
    QTest::newRow("unterminated string") << QByteArray(R"({"events": ["abc]})");
    QTest::newRow("missing comma") << QByteArray(R"({"events": [1 2]})");
    QTest::newRow("missing colon") << QByteArray(R"({"events" [1]})");
    QTest::newRow("unclosed array") << QByteArray(R"({"events": [{"a": 1})");
    QTest::newRow("trailing comma") << QByteArray(R"({"events": [1,]})");
    QTest::newRow("truncated") << QByteArray(R"({"events": [1)");
}

void tst_SplitReader::refusesWhatItCannotMakeOut()
{
    QFETCH(QByteArray, text);
    QVERIFY(!splitTopLevelArrays(text, EventsKey));
}

void tst_SplitReader::sameCaseEveryWay_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("built-in case") << builtinText();
    QTest::newRow("small case") << QByteArray(Test::SmallCase);
    QTest::newRow("ten events") << tenEvents();
    GeneratorOptions options;
    options.events = 3000;
    options.sources = 50;
    QTest::newRow("3,000 generated events") << generateCase(options);
    // Events as the last key, the first key, and with nothing around them but whitespace.
    QByteArray reordered = tenEvents();
    QTest::newRow("odd whitespace") << reordered.replace(",\n", " \r\n\t,\t");
}

void tst_SplitReader::sameCaseEveryWay()
{
    QFETCH(QByteArray, text);
    const Ways w = readEveryWay(text);
    QVERIFY(w.whole.ok());
    QCOMPARE(w.split.problems, w.whole.problems);
    QCOMPARE(w.parallel.problems, w.whole.problems);
    QCOMPARE(w.split.acceptedWarnings, w.whole.acceptedWarnings);
    QCOMPARE(w.parallel.acceptedWarnings, w.whole.acceptedWarnings);
    QVERIFY(w.split.kase == w.whole.kase);
    QVERIFY(w.parallel.kase == w.whole.kase);
    QCOMPARE(w.parallel.kase.events.size(), w.whole.kase.events.size());
    // Anchoring, which == leaves out, too.
    QList<Citation::Anchor> wholeAnchors, parallelAnchors;
    w.whole.kase.forEachCitation([&](const Citation &c) { wholeAnchors.append(c.anchor); });
    w.parallel.kase.forEachCitation([&](const Citation &c) { parallelAnchors.append(c.anchor); });
    QCOMPARE(parallelAnchors, wholeAnchors);
}

void tst_SplitReader::sameProblemsEveryWay_data()
{
    QTest::addColumn<QByteArray>("text");
    QByteArray base = tenEvents();
    // The same id in two parts of the events, which different threads may read in either order.
    QTest::newRow("duplicate id across the halves") << QByteArray(base).replace("\"id\": \"e8\"", "\"id\": \"e1\"");
    QTest::newRow("duplicate id in one half") << QByteArray(base).replace("\"id\": \"e9\"", "\"id\": \"e8\"");
    QTest::newRow("unknown actor") << QByteArray(base).replace("\"a1\", \"role\": \"attacker\"}], \"citations\": "
                                                               "[{\"source\": \"s1\", \"quote\": \"hacked\", "
                                                               "\"start\": 4, \"end\": 10}]}\n]",
                                                               "\"a9\", \"role\": \"attacker\"}]}\n]");
    QTest::newRow("events that are not objects") << tenEvents(", 1, \"x\", null, []");
    QTest::newRow("syntax error in an event") << tenEvents(", {\"id\": \"e10\",, }");
    // The top level is refused (version 0) and an event has a syntax error: read whole, the syntax
    // error is what is found first (a fuzzer's find).
    QTest::newRow("refused top level, syntax error in an event")
        << QByteArray(tenEvents(", {\"id\": \"e10\" \"x\"}")).replace("\"version\": 1", "\"version\": 0");
    QTest::newRow("duplicate key in an event") << tenEvents(", {\"id\": \"e10\", \"id\": \"e11\"}");
    QTest::newRow("raw control character") << tenEvents(", {\"id\": \"e\t10\"}");
    QTest::newRow("number beyond a double") << tenEvents(", {\"id\": \"e10\", \"x\": 1e999}");
    QTest::newRow("integer beyond 64 bits")
        << QByteArray(base).replace("\"start\": 4", "\"start\": 123456789012345678901234567890");
    QTest::newRow("misplaced quote") << QByteArray(base).replace("\"start\": 4", "\"start\": 5");
    QTest::newRow("events not an array") << QByteArray(base).replace("\"events\": [", "\"events\": {\"x\": [") + "}";
    // The duplicate read before the event it duplicates, by a thread with a later part: its warnings
    // (no citation) must not stay (a review's find; read whole, it has the error and nothing else).
    QByteArray lateCopy = base;
    lateCopy.replace("\"id\": \"e9\"", "\"id\": \"e0\"");
    const QByteArray citations
        = ", \"citations\": [{\"source\": \"s1\", \"quote\": \"hacked\", \"start\": 4, \"end\": 10}]";
    lateCopy.remove(lateCopy.lastIndexOf(citations), citations.size());
    QTest::newRow("warning-free later copy of an id") << lateCopy;
    // More problems than are listed: whether an item has errors is counted, not looked up in the list.
    QByteArray empties;
    for (int i = 0; i < 400; ++i) {
        empties += ", {}";
    }
    QTest::newRow("more problems than are listed") << tenEvents(empties);
    // Qt's parser (a number only it reads) orders keys its own way: unknown keys are named in its order.
    QTest::newRow("Qt's parser and unknown keys") << QByteArray(base).replace(
        "\"title\": \"T\"", "\"title\": \"T\", \"zz\": 1, \"aa\": 123456789012345678901234567890");
    // Nesting counted from the top of the file, not from a batch.
    QTest::newRow("deep nesting in an event")
        << tenEvents(", {\"id\": \"e10\", \"x\": " + QByteArray(1022, '[') + QByteArray(1022, ']') + "}");
    // Misplaced quotes searched for in a long text: one part's share of the search budget runs out
    // where one reader reading in turn still has budget left (a review's find).
    QByteArray searched = "{\"format\": \"attribution-timeline-case\", \"version\": 1, \"title\": \"T\", "
                          "\"sources\": [{\"id\": \"s1\", \"title\": \"S\", \"text\": \""
        + QByteArray("x ").repeated(1 << 20) + "\"}], \"events\": [";
    for (int i = 0; i < 200; ++i) {
        const QByteArray quote = i < 20 ? "zq" + QByteArray::number(i) : QByteArray("x");
        searched += QByteArray(i ? ", " : "") + "{\"id\": \"e" + QByteArray::number(i)
            + "\", \"title\": \"E\", \"category\": \"intrusion\", \"date\": {\"start\": \"2020\"}, "
              "\"citations\": [{\"source\": \"s1\", \"quote\": \""
            + quote + "\", \"start\": 0, \"end\": " + QByteArray::number(quote.size()) + "}]}";
    }
    QTest::newRow("search budget of a part") << searched + "]}";
    QTest::newRow("duplicate top-level key")
        << QByteArray(base).replace("\"title\": \"T\"", "\"title\": \"T\", \"title\": \"U\"");
}

void tst_SplitReader::sameProblemsEveryWay()
{
    QFETCH(QByteArray, text);
    const Ways w = readEveryWay(text);
    QVERIFY(!w.whole.problems.isEmpty());
    QCOMPARE(w.split.problems, w.whole.problems);
    QCOMPARE(w.parallel.problems, w.whole.problems);
    QCOMPARE(w.parallel.acceptedWarnings, w.whole.acceptedWarnings);
    if (QByteArrayView(QTest::currentDataTag()) == "warning-free later copy of an id") {
        QCOMPARE(w.whole.problems.size(), 1); // the duplicate, and no "cites no source"
    }
    QCOMPARE(w.parallel.errorCount(), w.whole.errorCount());
    QCOMPARE(w.parallel.warningCount(), w.whole.warningCount());
    QVERIFY(w.parallel.kase == w.whole.kase);
}

void tst_SplitReader::roundTripIsByteIdentical()
{
    // A case read the way a large one is (split, events on every core) and written back gives the
    // bytes it was written as; read whole it gives the same case.
    GeneratorOptions options;
    options.events = 5000;
    options.sources = 40;
    const CaseLoad generated = CaseReader::readData(generateCase(options), QStringLiteral("g.json"), QString());
    QVERIFY(generated.ok());
    const QByteArray saved = CaseWriter::toJson(generated.kase);
    const Ways w = readEveryWay(saved);
    QVERIFY(w.parallel.ok());
    QCOMPARE(w.parallel.problems, w.whole.problems);
    QCOMPARE(CaseWriter::toJson(w.parallel.kase), saved);
    QCOMPARE(CaseWriter::toJson(w.whole.kase), saved);
    const QByteArray builtin = CaseWriter::toJson(readEveryWay(builtinText()).parallel.kase);
    QCOMPARE(CaseWriter::toJson(readEveryWay(builtin).parallel.kase), builtin);
}

void tst_SplitReader::fileReadAsItIsSplit()
{
    // readFile splits the text while it reads it and hands back the events' text once read; the case
    // is the one read whole from memory.
    GeneratorOptions options;
    options.events = 6000;
    options.sources = 30;
    const QByteArray text = generateCase(options);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.json"));
    QVERIFY(writeFile(path, text));
    CaseReader::setParallelEventsThresholdForTesting(1);
    const CaseLoad fromFile = CaseReader::readFile(path);
    CaseReader::setParallelEventsThresholdForTesting(-1);
    const CaseLoad whole = readEveryWay(text).whole;
    QVERIFY(fromFile.ok());
    QVERIFY(fromFile.problems.isEmpty());
    QVERIFY(whole.problems.isEmpty());
    QVERIFY(fromFile.kase == whole.kase);
}

void tst_SplitReader::fileReadAgainWhenALaterBatchFails()
{
    // The events' text is handed back batch by batch; a duplicate key in the last event sends the
    // reader back to the whole text, which it then reads from the file again. The problems are those
    // of reading it whole, line and column included.
    GeneratorOptions options;
    options.events = 6000;
    options.sources = 30;
    QByteArray text = generateCase(options);
    const qsizetype last = text.lastIndexOf("{\"id\": \"e5999\"");
    QVERIFY(last > 0);
    text.insert(last + 1, "\"title\": \"x\",\n\"title\": \"y\", ");
    const QString displayed = QStringLiteral("case.json");
    QTemporaryDir dir;
    const QString path = dir.filePath(displayed);
    QVERIFY(writeFile(path, text));
    for (const qsizetype threshold : {std::numeric_limits<qsizetype>::max(), qsizetype(1)}) {
        CaseReader::setParallelEventsThresholdForTesting(threshold);
        const int secondReads = CaseReader::secondReadsForTesting();
        const CaseLoad fromFile = CaseReader::readFile(path);
        QCOMPARE(CaseReader::secondReadsForTesting(), secondReads + 1);
        CaseReader::setParallelEventsThresholdForTesting(-1);
        QCOMPARE(fromFile.errorCount(), 1);
        QVERIFY2(fromFile.problems.first().message.contains(QStringLiteral("appears twice")),
                 qPrintable(fromFile.problems.first().toString()));
        CaseReader::setReadingModeForTesting(CaseReader::ReadingMode::Whole);
        const CaseLoad whole = CaseReader::readFile(path);
        CaseReader::setReadingModeForTesting(CaseReader::ReadingMode::Split);
        QCOMPARE(fromFile.problems, whole.problems);
    }
}

void tst_SplitReader::duplicatesAcrossManyParts()
{
    // Read by several threads in many parts: every later copy of an id is reported once, wherever it
    // is, and no event with a duplicate id is kept.
    GeneratorOptions options;
    options.events = 3000;
    options.sources = 20;
    QByteArray text = generateCase(options);
    for (const auto &[copy, of] :
         {std::pair {2999, 5}, std::pair {1500, 5}, std::pair {1200, 1700}, std::pair {40, 41}}) {
        const QByteArray from = "{\"id\": \"e" + QByteArray::number(copy) + "\"";
        QVERIFY(text.contains(from));
        text.replace(from, QByteArray("{\"id\": \"e" + QByteArray::number(of) + "\""));
    }
    const Ways w = readEveryWay(text);
    QCOMPARE(w.whole.errorCount(), 4);
    QCOMPARE(w.split.problems, w.whole.problems);
    QCOMPARE(w.parallel.problems, w.whole.problems);
}

void tst_SplitReader::cancelStopsEveryThread()
{
    GeneratorOptions options;
    options.events = 20000;
    options.sources = 20;
    const QByteArray text = generateCase(options);
    std::atomic<bool> cancel {false};
    ReadControl control;
    control.cancel = &cancel;
    int reports = 0;
    control.progress = [&](ReadControl::Stage stage, double) {
        if (stage == ReadControl::Checking && ++reports == 3) {
            cancel = true;
        }
    };
    CaseReader::setParallelEventsThresholdForTesting(1);
    const CaseLoad load = CaseReader::readData(text, QStringLiteral("g.json"), QString(), control);
    CaseReader::setParallelEventsThresholdForTesting(-1);
    QVERIFY(load.cancelled);
    QVERIFY(load.kase.events.isEmpty());
    QVERIFY(load.problems.isEmpty());
}

void tst_SplitReader::memoryEstimateCountsExactly()
{
    // Eight bytes at a time: every length, every position, and bytes that differ from '"', '{' and
    // '[' by one bit.
    QRandomGenerator random(7);
    const QByteArray alphabet("\"{[#z{\x80\xA2\xFB\x00 :", 12);
    for (int round = 0; round < 300; ++round) {
        QByteArray text(round % 40, Qt::Uninitialized);
        for (char &c : text) {
            c = alphabet[random.bounded(alphabet.size())];
        }
        qint64 values = 0;
        for (const char c : text) {
            values += (c == '"') + 2 * (c == '{' || c == '[');
        }
        QCOMPARE(CaseReader::estimatedPeakMemory(text), 5 * qint64(text.size()) + 40 * values);
    }
}

void tst_SplitReader::sameTextComparesWithoutConverting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<bool>("same");
    const QString mixed = QStringLiteral("Z\u00fcrich \u56fd\u5bb6 alert\U0001F6A8 \u00c9lectoral");
    QTest::newRow("ASCII") << QStringLiteral("hacked") << QByteArray("hacked") << true;
    QTest::newRow("every width") << mixed << mixed.toUtf8() << true;
    QTest::newRow("empty") << QString() << QByteArray() << true;
    QTest::newRow("shorter text") << QStringLiteral("hack") << QByteArray("hacked") << false;
    QTest::newRow("longer text") << QStringLiteral("hacked!") << QByteArray("hacked") << false;
    QTest::newRow("one letter differs") << QStringLiteral("Z\u00fcrich") << QByteArray("Z\xC3\xBDrich") << false;
    QTest::newRow("astral against its halves") << QStringLiteral("\U0001F6A8") << QByteArray("\xED\xA0\xBD") << false;
    QTest::newRow("astral differs") << QStringLiteral("\U0001F6A8") << QStringLiteral("\U0001F6A9").toUtf8() << false;
    QTest::newRow("truncated sequence") << QStringLiteral("\u00fc") << QByteArray("\xC3") << false;
    QTest::newRow("stray continuation byte") << QStringLiteral("a") << QByteArray("\x80") << false;
    QTest::newRow("text ends inside a pair")
        << QStringLiteral("\U0001F6A8").left(1) << QStringLiteral("\U0001F6A8").toUtf8() << false;
}

void tst_SplitReader::sameTextComparesWithoutConverting()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, utf8);
    QFETCH(bool, same);
    QCOMPARE(sameText(text, std::string_view(utf8.constData(), size_t(utf8.size()))), same);
}

void tst_SplitReader::quotesShareTheirSourceText()
{
    // A quote found verbatim at its position is a slice of its source's text, not a copy; one that is
    // not (here misplaced, then re-anchored) is a string of its own. Either reads the same.
    const QByteArray text = tenEvents().replace("\"start\": 4, \"end\": 10}]}\n]", "\"start\": 5, \"end\": 11}]}\n]");
    for (const CaseLoad &load : {readEveryWay(text).split, readEveryWay(text).parallel}) {
        const QString &source = load.kase.sources.first().text;
        const auto inSource = [&](const QString &quote) {
            return quote.constData() >= source.constData() && quote.constData() < source.constData() + source.size();
        };
        QCOMPARE(load.kase.events.size(), 10);
        for (qsizetype i = 0; i < 9; ++i) {
            QCOMPARE(load.kase.events[i].citations.first().quote, QStringLiteral("hacked"));
            QVERIFY(inSource(load.kase.events[i].citations.first().quote));
        }
        const Citation &moved = load.kase.events[9].citations.first();
        QCOMPARE(moved.quote, QStringLiteral("hacked"));
        QCOMPARE(moved.anchor, Citation::Anchor::Reanchored);
        QVERIFY(!inSource(moved.quote));
    }
}

void tst_SplitReader::sharedSliceBehavesAsACopy()
{
    QString text = QStringLiteral("APT31 hacked the \U0001F6A8 firm.");
    text.detach();
    QString slice = sharedSlice(text, 6, 6);
    QCOMPARE(slice, QStringLiteral("hacked"));
    QCOMPARE(slice.size(), 6);
    QCOMPARE(slice.constData(), text.constData() + 6);
    QString astral = sharedSlice(text, 17, 2);
    QCOMPARE(astral, QStringLiteral("\U0001F6A8"));
    // A change detaches it: the text is untouched, and so is the slice when the text changes.
    QString changed = slice;
    changed[0] = QLatin1Char('H');
    changed.append(QStringLiteral(" twice"));
    QCOMPARE(changed, QStringLiteral("Hacked twice"));
    QCOMPARE(text, QStringLiteral("APT31 hacked the \U0001F6A8 firm."));
    text.replace(6, 6, QStringLiteral("probed"));
    QCOMPARE(slice, QStringLiteral("hacked"));
    // The last user of the buffer may grow it in place without harm.
    text = QString();
    astral = QString();
    QVERIFY(slice.isDetached());
    const QChar *before = slice.constData();
    slice.append(QStringLiteral(", again"));
    QCOMPARE(slice, QStringLiteral("hacked, again"));
    QCOMPARE(slice.constData(), before); // in place, in what was the text's buffer
    QCOMPARE(QString::fromUtf16(reinterpret_cast<const char16_t *>(slice.utf16()), slice.size()), slice);
    // From static data (a literal): a copy.
    const QString literal = QStringLiteral("static text");
    QCOMPARE(sharedSlice(literal, 7, 4), QStringLiteral("text"));
}

QTEST_GUILESS_MAIN(tst_SplitReader)
#include "tst_splitreader.moc"
