#include "annotations.h"

#include "anchoring.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace AT {

namespace {

// RFC 4122's name space for URLs: our names are "attribution-timeline:" and the item's path.
const QUuid annoNamespace = QUuid(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}"));

// Only a web address is given as a link: a case file's "url" could hold javascript: or data: text.
bool annoIsWebUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    return u.isValid() && !u.host().isEmpty()
        && (u.scheme() == QLatin1String("https") || u.scheme() == QLatin1String("http"));
}

struct AnnoItem
{
    QString kind; // "event", "claim", ...: the tag
    QString itemId; // the path the item's IRI is made from
    QString description; // what the citation supports, in words
};

class AnnoWriter
{
public:
    explicit AnnoWriter(const Case &kase)
        : m_case(kase)
    { }

    void add(const AnnoItem &item, const QList<Citation> &citations, QStringView role)
    {
        for (qsizetype i = 0; i < citations.size(); ++i) {
            m_items.append(annotation(item, citations[i], QStringLiteral("%1/%2/%3").arg(item.itemId, role).arg(i)));
        }
    }

    QJsonArray items() const { return m_items; }

private:
    const TextIndex *indexFor(const Source &src)
    {
        auto it = m_indexes.find(src.id);
        if (it == m_indexes.end()) {
            it = m_indexes.insert(src.id, std::make_shared<TextIndex>(src.text));
        }
        return it.value().get();
    }

    QJsonObject annotation(const AnnoItem &item, const Citation &cit, const QString &path)
    {
        QJsonArray body;
        body.append(QJsonObject {
            {QStringLiteral("type"), QStringLiteral("TextualBody")},
            {QStringLiteral("purpose"), QStringLiteral("describing")},
            {QStringLiteral("format"), QStringLiteral("text/plain")},
            {QStringLiteral("value"), item.description},
        });
        body.append(QJsonObject {
            {QStringLiteral("type"), QStringLiteral("TextualBody")},
            {QStringLiteral("purpose"), QStringLiteral("tagging")},
            {QStringLiteral("value"), item.kind},
        });
        body.append(QJsonObject {
            {QStringLiteral("type"), QStringLiteral("SpecificResource")},
            {QStringLiteral("purpose"), QStringLiteral("identifying")},
            {QStringLiteral("source"), annotationItemIri(m_case, item.kind, item.itemId)},
        });

        QJsonObject quote {
            {QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
            {QStringLiteral("exact"), cit.quote},
        };
        QJsonArray selectors;
        QJsonObject target {{QStringLiteral("type"), QStringLiteral("SpecificResource")}};
        QString comment;
        QString prefix = cit.prefix;
        QString suffix = cit.suffix;
        const Source *src = m_case.source(cit.sourceId);
        if (!src) {
            target.insert(QStringLiteral("source"), annotationItemIri(m_case, u"source", cit.sourceId));
            comment = QStringLiteral("The case has no source with this id; no position is given.");
        } else {
            const bool hasText = !src->referenceOnly;
            const QString hash = hasText ? sha256Hex(src->text) : src->sha256.toLower();
            const QString hashIri = hash.isEmpty() ? QString() : QStringLiteral("urn:sha256:") + hash;
            if (annoIsWebUrl(src->url)) {
                target.insert(QStringLiteral("source"), src->url);
                if (hasText && !hashIri.isEmpty()) {
                    // The selectors count in the text the case holds, which is not the page's HTML.
                    target.insert(QStringLiteral("state"),
                                  QJsonObject {
                                      {QStringLiteral("type"), QStringLiteral("TimeState")},
                                      {QStringLiteral("cached"), hashIri},
                                  });
                }
            } else if (!hashIri.isEmpty()) {
                target.insert(QStringLiteral("source"), hashIri);
            } else {
                target.insert(QStringLiteral("source"), annotationItemIri(m_case, u"source", src->id));
            }
            if (!hasText) {
                comment = QStringLiteral("The case holds no text of this source (a reference only): the quote "
                                         "is given without a position.");
            } else {
                const TextIndex *index = indexFor(*src);
                if (isAtStatedPosition(cit, *index)) {
                    if (prefix.isEmpty()) {
                        prefix = contextBefore(*index, cit.start);
                    }
                    if (suffix.isEmpty()) {
                        suffix = contextAfter(*index, cit.end);
                    }
                    selectors.append(QJsonObject {
                        {QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                        {QStringLiteral("start"), cit.start},
                        {QStringLiteral("end"), cit.end},
                    });
                } else if (cit.anchor == Citation::Anchor::Ambiguous) {
                    comment = QStringLiteral("The quote occurs several times in the source and its context does "
                                             "not decide which is meant: no position is given.");
                } else {
                    comment = QStringLiteral("The quote was not found at the position the case gives (%1): no "
                                             "position is given.")
                                  .arg(cit.anchor == Citation::Anchor::Orphaned ? QStringLiteral("it is not in the "
                                                                                                 "source text")
                                                                                : QStringLiteral("not verified"));
                }
            }
        }
        if (!prefix.isEmpty()) {
            quote.insert(QStringLiteral("prefix"), prefix);
        }
        if (!suffix.isEmpty()) {
            quote.insert(QStringLiteral("suffix"), suffix);
        }
        selectors.prepend(quote);
        target.insert(QStringLiteral("selector"),
                      selectors.size() == 1 ? QJsonValue(selectors[0]) : QJsonValue(selectors));
        if (!comment.isEmpty()) {
            body.append(QJsonObject {
                {QStringLiteral("type"), QStringLiteral("TextualBody")},
                {QStringLiteral("purpose"), QStringLiteral("commenting")},
                {QStringLiteral("format"), QStringLiteral("text/plain")},
                {QStringLiteral("value"), comment},
            });
        }
        return QJsonObject {
            {QStringLiteral("id"), annotationItemIri(m_case, u"citation", path)},
            {QStringLiteral("type"), QStringLiteral("Annotation")},
            {QStringLiteral("motivation"), QStringLiteral("describing")},
            {QStringLiteral("body"), body},
            {QStringLiteral("target"), target},
        };
    }

    const Case &m_case;
    QJsonArray m_items;
    QHash<QString, std::shared_ptr<TextIndex>> m_indexes;
};

QString annoActorName(const Case &kase, const QString &id)
{
    const Actor *a = kase.actor(id);
    return a ? a->name : id;
}

} // namespace

QString annotationItemIri(const Case &kase, QStringView kind, QStringView itemId)
{
    const QByteArray name
        = "attribution-timeline:" + kase.title.toUtf8() + '\x1f' + kind.toUtf8() + '\x1f' + itemId.toUtf8();
    return QStringLiteral("urn:uuid:") + QUuid::createUuidV5(annoNamespace, name).toString(QUuid::WithoutBraces);
}

QByteArray webAnnotations(const Case &kase)
{
    AnnoWriter w(kase);
    for (const Actor &a : kase.actors) {
        w.add({QStringLiteral("actor"), a.id, QStringLiteral("Actor: ") + a.name}, a.citations, u"citations");
        for (qsizetype i = 0; i < a.aliases.size(); ++i) {
            const Alias &alias = a.aliases[i];
            w.add({QStringLiteral("alias"), a.id + QStringLiteral("/aliases/") + QString::number(i),
                   QStringLiteral("Alias of %1: %2").arg(a.name, alias.name)},
                  alias.citations, u"citations");
        }
        for (qsizetype i = 0; i < a.affiliations.size(); ++i) {
            const Affiliation &aff = a.affiliations[i];
            w.add({QStringLiteral("affiliation"), a.id + QStringLiteral("/affiliations/") + QString::number(i),
                   QStringLiteral("Affiliation: %1 \u2014 %2 \u2014 %3")
                       .arg(a.name, aff.relation, annoActorName(kase, aff.actorId))},
                  aff.citations, u"citations");
        }
    }
    for (const Event &e : kase.events) {
        const QString title = QStringLiteral("Event: %1 (%2)").arg(e.title, e.date.toDisplayString());
        w.add({QStringLiteral("event"), e.id, title}, e.citations, u"citations");
        w.add({QStringLiteral("event-date"), e.id,
               QStringLiteral("Date of the event %1: %2").arg(e.title, e.date.describe())},
              e.date.provenanceCitations(), u"date");
    }
    for (const Claim &c : kase.claims) {
        const QString who = annoActorName(kase, c.attributorId);
        const QString text = c.confidence.isEmpty()
            ? QStringLiteral("Claim by %1 (no confidence wording given): %2").arg(who, c.statement)
            : QStringLiteral("Claim by %1 (\u201c%2\u201d): %3").arg(who, c.confidence, c.statement);
        w.add({QStringLiteral("claim"), c.id, text}, c.citations, u"citations");
        w.add({QStringLiteral("claim-date"), c.id,
               QStringLiteral("Date of the claim by %1: %2").arg(who, c.date.describe())},
              c.date.provenanceCitations(), u"date");
    }
    for (const Disagreement &d : kase.disagreements) {
        for (qsizetype i = 0; i < d.versions.size(); ++i) {
            w.add({QStringLiteral("disagreement"), d.id + QStringLiteral("/versions/") + QString::number(i),
                   QStringLiteral("%1 \u201c%2\u201d, one version: %3")
                       .arg(d.kind == Disagreement::Kind::Conflict
                                ? QStringLiteral("Disputed point")
                                : QStringLiteral("Point where one account is only less specific (not a conflict),"),
                            d.question, d.versions[i].statement)},
                  d.versions[i].citations, u"citations");
        }
    }

    const QJsonArray items = w.items();
    const QString collectionId = annotationItemIri(kase, u"collection", u"");
    const QJsonObject page {
        {QStringLiteral("id"), annotationItemIri(kase, u"page", u"1")},
        {QStringLiteral("type"), QStringLiteral("AnnotationPage")},
        {QStringLiteral("partOf"), collectionId},
        {QStringLiteral("startIndex"), 0},
        {QStringLiteral("items"), items},
    };
    const QJsonObject collection {
        {QStringLiteral("@context"), QStringLiteral("http://www.w3.org/ns/anno.jsonld")},
        {QStringLiteral("id"), collectionId},
        {QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
        {QStringLiteral("label"), kase.title},
        {QStringLiteral("total"), items.size()},
        {QStringLiteral("first"), page},
    };
    return QJsonDocument(collection).toJson(QJsonDocument::Indented);
}

} // namespace AT
