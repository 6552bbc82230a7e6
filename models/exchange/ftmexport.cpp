#include "ftmexport.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QUrl>

namespace AT {

namespace {

// One entity under construction: property values in the order they were added, without repeats
// or empty strings (FtM drops both anyway).
class FtmEntity
{
public:
    FtmEntity(QString id, QString schema)
        : m_id(std::move(id))
        , m_schema(std::move(schema))
    { }

    void add(const QString &property, const QString &value)
    {
        if (value.trimmed().isEmpty()) {
            return;
        }
        QStringList &values = m_values[property];
        if (!m_order.contains(property)) {
            m_order << property;
        }
        if (!values.contains(value)) {
            values << value;
        }
    }
    void add(const QString &property, const QStringList &values)
    {
        for (const QString &v : values) {
            add(property, v);
        }
    }

    QByteArray toJsonLine() const
    {
        QJsonObject props;
        for (const QString &p : m_order) {
            props.insert(p, QJsonArray::fromStringList(m_values.value(p)));
        }
        QJsonObject o;
        o.insert(QStringLiteral("id"), m_id);
        o.insert(QStringLiteral("schema"), m_schema);
        o.insert(QStringLiteral("properties"), props);
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }

private:
    QString m_id;
    QString m_schema;
    QStringList m_order;
    QHash<QString, QStringList> m_values;
};

// Only a web address goes into a url property: a case file's "url" could hold javascript: or
// data: text, which Aleph would show as a link.
bool ftmIsWebUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    return u.isValid() && !u.host().isEmpty()
        && (u.scheme() == QLatin1String("https") || u.scheme() == QLatin1String("http"));
}

// What the sources cited by a list of citations give an entity: their URLs, publishers and the ids
// of their Article entities.
struct FtmSourcing
{
    QStringList urls;
    QStringList publishers;
    QStringList articles;
};

FtmSourcing ftmSourcingOf(const Case &kase, const QList<Citation> &citations)
{
    FtmSourcing s;
    QSet<QString> seen;
    for (const Citation &c : citations) {
        if (seen.contains(c.sourceId)) {
            continue;
        }
        seen.insert(c.sourceId);
        const Source *src = kase.source(c.sourceId);
        if (!src) {
            continue;
        }
        if (ftmIsWebUrl(src->url)) {
            s.urls << src->url;
        }
        if (!src->publisher.isEmpty()) {
            s.publishers << src->publisher;
        }
        s.articles << ftmEntityId(kase, u"source", src->id);
    }
    return s;
}

void ftmAddSourcing(FtmEntity &e, const FtmSourcing &s, bool withProof)
{
    e.add(QStringLiteral("sourceUrl"), s.urls);
    e.add(QStringLiteral("publisher"), s.publishers);
    if (withProof) {
        e.add(QStringLiteral("proof"), s.articles);
    }
}

// FtM dates are ISO 8601 prefixes at their precision ("2021", "2021-03", "2021-03-16").
void ftmAddDate(FtmEntity &e, const PartialDate &date)
{
    if (!date.isValid()) {
        return;
    }
    if (!date.isRange()) {
        e.add(QStringLiteral("date"), date.start().toIsoString());
        return;
    }
    if (date.start().isValid()) {
        e.add(QStringLiteral("startDate"), date.start().toIsoString());
    }
    if (date.end().isValid()) {
        e.add(QStringLiteral("endDate"), date.end().toIsoString());
    }
}

QString ftmActorName(const Case &kase, const QString &id)
{
    const Actor *a = kase.actor(id);
    return a ? a->name : id;
}

} // namespace

QString ftmEntityId(const Case &kase, QStringView kind, QStringView itemId)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData("attribution-timeline");
    h.addData(QByteArrayView("\x1f", 1));
    h.addData(kase.title.toUtf8());
    h.addData(QByteArrayView("\x1f", 1));
    h.addData(kind.toUtf8());
    h.addData(QByteArrayView("\x1f", 1));
    h.addData(itemId.toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

QString ftmSchemaForActorKind(QStringView kind)
{
    const QString k = kind.toString().trimmed().toLower();
    if (k == QLatin1String("person")) {
        return QStringLiteral("Person");
    }
    if (k == QLatin1String("company")) {
        return QStringLiteral("Company");
    }
    static const QStringList publicBodies = {
        QStringLiteral("government"), QStringLiteral("government body"), QStringLiteral("agency"),
        QStringLiteral("ministry"),   QStringLiteral("department"),
    };
    if (publicBodies.contains(k)) {
        return QStringLiteral("PublicBody");
    }
    static const QStringList organizations = {
        QStringLiteral("group"),         QStringLiteral("alliance"),    QStringLiteral("institution"),
        QStringLiteral("research firm"), QStringLiteral("news agency"), QStringLiteral("organization"),
        QStringLiteral("organisation"),
    };
    if (organizations.contains(k)) {
        return QStringLiteral("Organization");
    }
    // A country (FtM has no schema for one: "country" is a property holding an ISO code, which the
    // case does not give), several people ("persons", "officials"), or a kind not listed.
    return QStringLiteral("LegalEntity");
}

QByteArray ftmEntities(const Case &kase)
{
    QByteArray out;

    for (const Source &src : kase.sources) {
        FtmEntity e(ftmEntityId(kase, u"source", src.id), QStringLiteral("Article"));
        if (!src.title.trimmed().isEmpty()) {
            e.add(QStringLiteral("title"), src.title);
        } else {
            e.add(QStringLiteral("name"), displayTitle(src)); // its first words and "(no headline)"
        }
        e.add(QStringLiteral("publisher"), src.publisher);
        if (ftmIsWebUrl(src.url)) {
            e.add(QStringLiteral("sourceUrl"), src.url);
        }
        if (src.published.isValid()) {
            e.add(QStringLiteral("publishedAt"), src.published.toIsoString());
        }
        if (src.retrieved.isValid()) {
            e.add(QStringLiteral("retrievedAt"), src.retrieved.toIsoString());
        }
        if (!src.referenceOnly) {
            e.add(QStringLiteral("bodyText"), src.text);
        }
        out += e.toJsonLine();
    }

    for (const Actor &actor : kase.actors) {
        FtmEntity e(ftmEntityId(kase, u"actor", actor.id), ftmSchemaForActorKind(actor.kind));
        e.add(QStringLiteral("name"), actor.name);
        QList<Citation> citations = actor.citations;
        for (const Alias &alias : actor.aliases) {
            if (alias.name != actor.name) {
                e.add(QStringLiteral("alias"), alias.name);
            }
            citations += alias.citations;
        }
        e.add(QStringLiteral("description"), actor.description);
        ftmAddSourcing(e, ftmSourcingOf(kase, citations), true);
        out += e.toJsonLine();
    }

    for (const Actor &actor : kase.actors) {
        for (qsizetype i = 0; i < actor.affiliations.size(); ++i) {
            const Affiliation &aff = actor.affiliations[i];
            if (!kase.actor(aff.actorId)) {
                continue; // a dangling id: there is no entity to link to
            }
            FtmEntity e(ftmEntityId(kase, u"affiliation", QString(actor.id + QLatin1Char('/') + QString::number(i))),
                        QStringLiteral("UnknownLink"));
            e.add(QStringLiteral("subject"), ftmEntityId(kase, u"actor", actor.id));
            e.add(QStringLiteral("object"), ftmEntityId(kase, u"actor", aff.actorId));
            e.add(QStringLiteral("role"), aff.relation);
            ftmAddSourcing(e, ftmSourcingOf(kase, aff.citations), false); // an Interval has no proof
            out += e.toJsonLine();
        }
    }

    for (const Event &event : kase.events) {
        FtmEntity e(ftmEntityId(kase, u"event", event.id), QStringLiteral("Event"));
        e.add(QStringLiteral("name"), event.title);
        e.add(QStringLiteral("summary"), event.summary);
        ftmAddDate(e, event.date);
        QStringList roles;
        for (const Participant &p : event.participants) {
            if (kase.actor(p.actorId)) {
                e.add(QStringLiteral("involved"), ftmEntityId(kase, u"actor", p.actorId));
            }
            roles << (p.role.isEmpty() ? ftmActorName(kase, p.actorId)
                                       : QStringLiteral("%1 (%2)").arg(ftmActorName(kase, p.actorId), p.role));
        }
        QStringList description;
        if (!roles.isEmpty()) {
            description << QStringLiteral("Participants: ") + roles.join(QStringLiteral("; "));
        }
        if (event.date.isApproximate() || !event.date.qualifier().isEmpty() || event.date.isOpenStart()
            || event.date.isOpenEnd()) {
            description << QStringLiteral("Date: ") + event.date.describe();
        }
        e.add(QStringLiteral("description"), description.join(QLatin1Char('\n')));
        e.add(QStringLiteral("keywords"), event.category);
        e.add(QStringLiteral("keywords"), event.tags);
        ftmAddSourcing(e, ftmSourcingOf(kase, event.citations), true);
        out += e.toJsonLine();
    }

    for (const Claim &claim : kase.claims) {
        FtmEntity e(ftmEntityId(kase, u"claim", claim.id), QStringLiteral("Note"));
        if (kase.actor(claim.subjectId)) {
            e.add(QStringLiteral("entity"), ftmEntityId(kase, u"actor", claim.subjectId));
        }
        if (kase.event(claim.eventId)) {
            e.add(QStringLiteral("entity"), ftmEntityId(kase, u"event", claim.eventId));
        }
        e.add(QStringLiteral("summary"), claim.statement);
        QStringList lines;
        lines << (claim.confidence.isEmpty()
                      ? QStringLiteral("%1 says (no confidence wording given): %2")
                            .arg(ftmActorName(kase, claim.attributorId), claim.statement)
                      : QStringLiteral("%1 says, in the words \u201c%2\u201d: %3")
                            .arg(ftmActorName(kase, claim.attributorId), claim.confidence, claim.statement));
        if (claim.confidenceValue && !claim.yardstick.isEmpty()) {
            lines << QStringLiteral("As a number: %1 (%2)").arg(*claim.confidenceValue).arg(claim.yardstick);
        }
        if (claim.date.isValid()) {
            lines << QStringLiteral("Claimed: ") + claim.date.describe();
        }
        for (const QString &id : claim.disputes) {
            if (const Claim *other = kase.claim(id)) {
                lines << QStringLiteral("Disputes: %1: %2")
                             .arg(ftmActorName(kase, other->attributorId), other->statement);
            }
        }
        e.add(QStringLiteral("description"), lines.join(QLatin1Char('\n')));
        ftmAddSourcing(e, ftmSourcingOf(kase, claim.citations), true);
        out += e.toJsonLine();
    }

    for (const Disagreement &d : kase.disagreements) {
        FtmEntity e(ftmEntityId(kase, u"disagreement", d.id), QStringLiteral("Note"));
        e.add(QStringLiteral("summary"), d.question);
        QStringList lines {disagreementKindLabel(d.kind) + QStringLiteral(": ") + d.question};
        if (d.kind != Disagreement::Kind::Conflict) {
            lines << disagreementKindText(d.kind) + QLatin1Char('.');
        }
        QList<Citation> citations;
        for (const DisagreementVersion &v : d.versions) {
            lines << QStringLiteral("Version: ") + v.statement;
            citations += v.citations;
        }
        e.add(QStringLiteral("description"), lines.join(QLatin1Char('\n')));
        for (const Event &event : kase.events) {
            if (event.disagreements.contains(d.id)) {
                e.add(QStringLiteral("entity"), ftmEntityId(kase, u"event", event.id));
            }
        }
        for (const Claim &claim : kase.claims) {
            if (claim.disagreements.contains(d.id)) {
                e.add(QStringLiteral("entity"), ftmEntityId(kase, u"claim", claim.id));
            }
        }
        ftmAddSourcing(e, ftmSourcingOf(kase, citations), true);
        out += e.toJsonLine();
    }
    return out;
}

} // namespace AT
