#include "anchoring.h"
#include "annotations.h"
#include "testcases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AT;

namespace {

QJsonObject parseCollection(const QByteArray &data)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &err);
    if (err.error != QJsonParseError::NoError) {
        qWarning("%s", qPrintable(err.errorString()));
    }
    return doc.object();
}

QJsonArray itemsOf(const QJsonObject &collection)
{
    return collection.value(QStringLiteral("first")).toObject().value(QStringLiteral("items")).toArray();
}

QJsonArray selectorsOf(const QJsonObject &annotation)
{
    const QJsonValue s = annotation.value(QStringLiteral("target")).toObject().value(QStringLiteral("selector"));
    return s.isArray() ? s.toArray() : QJsonArray {s};
}

QJsonObject selector(const QJsonObject &annotation, const char *type)
{
    for (const QJsonValue &v : selectorsOf(annotation)) {
        if (v.toObject().value(QStringLiteral("type")).toString() == QLatin1String(type)) {
            return v.toObject();
        }
    }
    return {};
}

QJsonObject bodyWithPurpose(const QJsonObject &annotation, const char *purpose)
{
    for (const QJsonValue &v : annotation.value(QStringLiteral("body")).toArray()) {
        if (v.toObject().value(QStringLiteral("purpose")).toString() == QLatin1String(purpose)) {
            return v.toObject();
        }
    }
    return {};
}

// [start, end) in code points of the text, as a string.
QString sliceCodePoints(const QString &text, qint64 start, qint64 end)
{
    const TextIndex index(text);
    const qint64 a = index.toUtf16(start);
    const qint64 b = index.toUtf16(end);
    return a < 0 || b < 0 ? QString() : text.mid(a, b - a);
}

} // namespace

class tst_Annotations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void collectionAndPage();
    void everyCitationOfTheBuiltinCase();
    void codePointsBeyondTheBasicPlane();
    void targetIsTheUrlOrTheHash();
    void unverifiedPositionsAreLeftOut();
    void hostileTextStaysData();
};

void tst_Annotations::collectionAndPage()
{
    const auto kase = Test::smallCase();
    QVERIFY(kase);
    const QByteArray out = webAnnotations(*kase);
    const QJsonObject c = parseCollection(out);
    QCOMPARE(c.value(QStringLiteral("@context")).toString(), QStringLiteral("http://www.w3.org/ns/anno.jsonld"));
    QCOMPARE(c.value(QStringLiteral("type")).toString(), QStringLiteral("AnnotationCollection"));
    QCOMPARE(c.value(QStringLiteral("label")).toString(), QStringLiteral("Small"));
    const QJsonObject page = c.value(QStringLiteral("first")).toObject();
    QCOMPARE(page.value(QStringLiteral("type")).toString(), QStringLiteral("AnnotationPage"));
    QCOMPARE(page.value(QStringLiteral("partOf")).toString(), c.value(QStringLiteral("id")).toString());
    QCOMPARE(page.value(QStringLiteral("startIndex")).toInt(-1), 0);
    int citations = 0;
    kase->forEachCitation([&](const Citation &) { ++citations; });
    QCOMPARE(c.value(QStringLiteral("total")).toInt(), citations);
    QCOMPARE(itemsOf(c).size(), citations);
    QSet<QString> ids;
    for (const QJsonValue &v : itemsOf(c)) {
        const QJsonObject a = v.toObject();
        QCOMPARE(a.value(QStringLiteral("type")).toString(), QStringLiteral("Annotation"));
        const QString id = a.value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QLatin1String("urn:uuid:")));
        QVERIFY(!ids.contains(id));
        ids.insert(id);
        QVERIFY(!bodyWithPurpose(a, "describing").value(QStringLiteral("value")).toString().isEmpty());
        QVERIFY(!bodyWithPurpose(a, "tagging").value(QStringLiteral("value")).toString().isEmpty());
        QVERIFY(bodyWithPurpose(a, "identifying")
                    .value(QStringLiteral("source"))
                    .toString()
                    .startsWith(QLatin1String("urn:uuid:")));
    }
    // The same case gives the same file: ids are names, not random.
    QCOMPARE(webAnnotations(*kase), out);
    // The claim's annotation says who claims what, with the wording verbatim.
    bool found = false;
    for (const QJsonValue &v : itemsOf(c)) {
        const QJsonObject a = v.toObject();
        if (bodyWithPurpose(a, "tagging").value(QStringLiteral("value")).toString() == QLatin1String("claim")
            && selector(a, "TextQuoteSelector").value(QStringLiteral("exact")).toString()
                == QLatin1String("Zirconium hit")) {
            QCOMPARE(bodyWithPurpose(a, "describing").value(QStringLiteral("value")).toString(),
                     QStringLiteral("Claim by UK government (\u201chighly likely\u201d): APT31 did it"));
            QCOMPARE(bodyWithPurpose(a, "identifying").value(QStringLiteral("source")).toString(),
                     annotationItemIri(*kase, u"claim", u"c1"));
            found = true;
        }
    }
    QVERIFY(found);
}

void tst_Annotations::everyCitationOfTheBuiltinCase()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    const QJsonObject c = parseCollection(webAnnotations(*kase));
    QHash<QString, const Source *> byHash;
    for (const Source &s : kase->sources) {
        byHash.insert(QStringLiteral("urn:sha256:") + sha256Hex(s.text), &s);
    }
    // Every quote of the case, with its position, in the order of the case's own walk.
    QMultiHash<QString, QPair<qint64, qint64>> positions;
    kase->forEachCitation([&](const Citation &cit) { positions.insert(cit.quote, {cit.start, cit.end}); });
    int withPosition = 0;
    for (const QJsonValue &v : itemsOf(c)) {
        const QJsonObject a = v.toObject();
        const QJsonObject target = a.value(QStringLiteral("target")).toObject();
        const Source *src = byHash.value(target.value(QStringLiteral("source")).toString());
        QVERIFY2(src, "the built-in sources have no URL: the target is the stored text's hash");
        const QJsonObject quote = selector(a, "TextQuoteSelector");
        const QString exact = quote.value(QStringLiteral("exact")).toString();
        QVERIFY(!exact.isEmpty());
        const QJsonObject pos = selector(a, "TextPositionSelector");
        QVERIFY(!pos.isEmpty()); // the built-in case anchors every citation
        const qint64 start = pos.value(QStringLiteral("start")).toInteger(-1);
        const qint64 end = pos.value(QStringLiteral("end")).toInteger(-1);
        QVERIFY(positions.contains(exact, {start, end})); // the case's own code-point positions
        QCOMPARE(sliceCodePoints(src->text, start, end), exact);
        const QString prefix = quote.value(QStringLiteral("prefix")).toString();
        const QString suffix = quote.value(QStringLiteral("suffix")).toString();
        const TextIndex index(src->text);
        QVERIFY(src->text.left(index.toUtf16(start)).endsWith(prefix));
        QVERIFY(src->text.mid(index.toUtf16(end)).startsWith(suffix));
        ++withPosition;
    }
    QVERIFY(withPosition > 100);
}

void tst_Annotations::codePointsBeyondTheBasicPlane()
{
    // Each emoji is one code point and two UTF-16 units: positions after them differ by one each.
    const QByteArray json = R"({
        "format": "attribution-timeline-case", "version": 1, "title": "Astral",
        "sources": [{"id": "s", "title": "T", "text": "\ud83d\ude00\ud83d\udc09 The \ud835\udcd0gency said APT\ud83d\udc09 did it."}],
        "actors": [{"id": "a", "name": "APT\ud83d\udc09", "kind": "group",
            "citations": [{"source": "s", "quote": "APT\ud83d\udc09", "start": 19, "end": 23}]}],
        "events": [{"id": "e", "title": "Said", "category": "statement", "date": {"start": "2024"},
            "citations": [{"source": "s", "quote": "\ud835\udcd0gency said", "start": 7, "end": 18}]}]
    })";
    const auto kase = Test::loadCase(json);
    QVERIFY(kase);
    const QString text = kase->sources[0].text;
    const QJsonObject c = parseCollection(webAnnotations(*kase));
    QCOMPARE(itemsOf(c).size(), 2);
    for (const QJsonValue &v : itemsOf(c)) {
        const QJsonObject a = v.toObject();
        const QJsonObject pos = selector(a, "TextPositionSelector");
        QVERIFY(!pos.isEmpty());
        const QString exact = selector(a, "TextQuoteSelector").value(QStringLiteral("exact")).toString();
        QCOMPARE(sliceCodePoints(text, pos.value(QStringLiteral("start")).toInteger(),
                                 pos.value(QStringLiteral("end")).toInteger()),
                 exact);
        // In code points, not UTF-16 units: the UTF-16 offset is further along.
        QVERIFY(text.indexOf(exact) > pos.value(QStringLiteral("start")).toInteger());
    }
    QCOMPARE(selector(itemsOf(c)[0].toObject(), "TextPositionSelector").value(QStringLiteral("start")).toInteger(), 19);
    // The prefix, taken from the text where the case gives none, holds whole characters.
    const QString prefix
        = selector(itemsOf(c)[0].toObject(), "TextQuoteSelector").value(QStringLiteral("prefix")).toString();
    QVERIFY(prefix.endsWith(QStringLiteral("gency said ")));
    QVERIFY(prefix.startsWith(QStringLiteral("\U0001F600")));
}

void tst_Annotations::targetIsTheUrlOrTheHash()
{
    auto kase = Test::smallCase();
    QVERIFY(kase);
    Case k = *kase;
    k.sources[0].url = QStringLiteral("https://example.org/article-a");
    const QJsonArray items = itemsOf(parseCollection(webAnnotations(k)));
    int urlTargets = 0;
    int hashTargets = 0;
    for (const QJsonValue &v : items) {
        const QJsonObject target = v.toObject().value(QStringLiteral("target")).toObject();
        const QString source = target.value(QStringLiteral("source")).toString();
        if (source == k.sources[0].url) {
            ++urlTargets;
            // The positions count in the text the case holds, named as the cached state.
            const QJsonObject state = target.value(QStringLiteral("state")).toObject();
            QCOMPARE(state.value(QStringLiteral("type")).toString(), QStringLiteral("TimeState"));
            QCOMPARE(state.value(QStringLiteral("cached")).toString(),
                     QStringLiteral("urn:sha256:") + sha256Hex(k.sources[0].text));
        } else {
            QCOMPARE(source, QStringLiteral("urn:sha256:") + sha256Hex(k.sources[1].text));
            QVERIFY(!target.contains(QStringLiteral("state")));
            ++hashTargets;
        }
    }
    QVERIFY(urlTargets > 0);
    QVERIFY(hashTargets > 0);
    // Not a web address: the hash, never the text as a link.
    k.sources[0].url = QStringLiteral("javascript:alert(1)");
    const QByteArray out = webAnnotations(k);
    QVERIFY(!out.contains("javascript:"));
}

void tst_Annotations::unverifiedPositionsAreLeftOut()
{
    auto kase = Test::smallCase();
    QVERIFY(kase);
    Case k = *kase;
    // An orphaned quote, a quote away from its stated position, and a reference-only source.
    Citation &orphan = k.events[0].citations[0];
    orphan.quote = QStringLiteral("not in the text at all");
    orphan.anchor = Citation::Anchor::Orphaned;
    Citation &moved = k.events[3].citations[0]; // "The campaign ran for years", source b
    moved.start += 1;
    moved.end += 1;
    k.sources[1].referenceOnly = true;
    k.sources[1].text.clear();
    k.sources[1].sha256 = QStringLiteral("AB") + QString(62, QLatin1Char('0'));
    const QJsonArray items = itemsOf(parseCollection(webAnnotations(k)));
    int checked = 0;
    for (const QJsonValue &v : items) {
        const QJsonObject a = v.toObject();
        const QString exact = selector(a, "TextQuoteSelector").value(QStringLiteral("exact")).toString();
        const QString source = a.value(QStringLiteral("target")).toObject().value(QStringLiteral("source")).toString();
        const QString comment = bodyWithPurpose(a, "commenting").value(QStringLiteral("value")).toString();
        if (exact == orphan.quote) {
            QVERIFY(selector(a, "TextPositionSelector").isEmpty());
            QVERIFY(comment.contains(QStringLiteral("not in the source text")));
            ++checked;
        } else if (source == QStringLiteral("urn:sha256:ab") + QString(62, QLatin1Char('0'))) {
            // The reference only: its recorded hash, the quote alone.
            QVERIFY(selector(a, "TextPositionSelector").isEmpty());
            QVERIFY(comment.contains(QStringLiteral("reference only")));
            ++checked;
        } else {
            QVERIFY(!selector(a, "TextPositionSelector").isEmpty());
            QVERIFY(comment.isEmpty());
        }
    }
    QCOMPARE(checked, 1 + 4); // the orphan, and the four citations of source b
    // The moved citation: make source b whole again and look at it.
    k.sources[1] = kase->sources[1];
    int movedSeen = 0;
    for (const QJsonValue &v : itemsOf(parseCollection(webAnnotations(k)))) {
        const QJsonObject a = v.toObject();
        if (selector(a, "TextQuoteSelector").value(QStringLiteral("exact")).toString() == moved.quote) {
            QVERIFY(selector(a, "TextPositionSelector").isEmpty());
            QVERIFY(bodyWithPurpose(a, "commenting")
                        .value(QStringLiteral("value"))
                        .toString()
                        .contains(QStringLiteral("not verified")));
            ++movedSeen;
        }
    }
    QCOMPARE(movedSeen, 1);
}

void tst_Annotations::hostileTextStaysData()
{
    Case k;
    k.title = QStringLiteral("\"}],\"@context\":\"x");
    Source s;
    s.id = QStringLiteral("s");
    s.text = QStringLiteral("<script>alert(1)</script> \"quoted\" \u0000 end");
    k.sources << s;
    Actor a;
    a.id = QStringLiteral("a");
    a.name = QStringLiteral("\"},{\"type\":\"Annotation");
    a.kind = QStringLiteral("group");
    Citation cit;
    cit.sourceId = QStringLiteral("s");
    cit.quote = QStringLiteral("<script>alert(1)</script> \"quoted\"");
    cit.start = 0;
    cit.end = cit.quote.size();
    a.citations << cit;
    k.actors << a;
    const QJsonObject c = parseCollection(webAnnotations(k));
    QCOMPARE(c.value(QStringLiteral("@context")).toString(), QStringLiteral("http://www.w3.org/ns/anno.jsonld"));
    QCOMPARE(c.value(QStringLiteral("label")).toString(), k.title);
    QCOMPARE(itemsOf(c).size(), 1);
    const QJsonObject ann = itemsOf(c)[0].toObject();
    QCOMPARE(selector(ann, "TextQuoteSelector").value(QStringLiteral("exact")).toString(), cit.quote);
    QCOMPARE(bodyWithPurpose(ann, "describing").value(QStringLiteral("value")).toString(),
             QStringLiteral("Actor: ") + a.name);
    QCOMPARE(selector(ann, "TextQuoteSelector").value(QStringLiteral("suffix")).toString(),
             QStringLiteral(" \u0000 end"));
}

QTEST_GUILESS_MAIN(tst_Annotations)
#include "tst_annotations.moc"
