#include "ftmexport.h"
#include "testcases.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AT;

namespace {

// Every property each schema has, with its parents' (Thing, LegalEntity, Organization, Interval,
// Interest, Analyzable, Document...), as the FollowTheMoney schemata define them: alephdata/
// followthemoney, followthemoney/schema/*.yaml at commit c70a89ffa59ea785956f6095643310da3735b7fb
// (27 June 2025). An exported property outside these lists is one FtM does not know and drops.
const QHash<QString, QString> &ftmSchemaProperties()
{
    static const QHash<QString, QString> p = {
        {QStringLiteral("Event"),
         QStringLiteral("address addressEntity alephUrl alias companiesMentioned country createdAt date description "
                        "detectedCountry detectedLanguage emailMentioned endDate ibanMentioned important indexText "
                        "involved ipMentioned keywords location locationMentioned modifiedAt name namesMentioned notes "
                        "organizer peopleMentioned phoneMentioned previousName program programId proof publisher "
                        "publisherUrl recordId retrievedAt sourceUrl startDate summary topics weakAlias wikidataId "
                        "wikipediaUrl")},
        {QStringLiteral("Note"),
         QStringLiteral(
             "address addressEntity alephUrl alias companiesMentioned country createdAt description "
             "detectedCountry detectedLanguage emailMentioned entity ibanMentioned indexText ipMentioned "
             "keywords locationMentioned modifiedAt name namesMentioned notes peopleMentioned phoneMentioned "
             "previousName program programId proof publisher publisherUrl retrievedAt sourceUrl summary "
             "topics weakAlias wikidataId wikipediaUrl")},
        {QStringLiteral("LegalEntity"),
         QStringLiteral(
             "address addressEntity alephUrl alias bvdId classification country createdAt description "
             "dissolutionDate dunsCode email icijId idNumber incorporationDate indexText innCode jurisdiction "
             "keywords legalForm leiCode licenseNumber mainCountry modifiedAt name notes npiCode ogrnCode "
             "okpoCode opencorporatesUrl parent phone previousName program programId proof publisher "
             "publisherUrl registrationNumber retrievedAt sector sourceUrl status summary swiftBic taxNumber "
             "taxStatus topics uniqueEntityId vatCode weakAlias website wikidataId wikipediaUrl")},
        {QStringLiteral("Person"),
         QStringLiteral("address addressEntity alephUrl alias appearance birthCountry birthDate birthPlace bvdId "
                        "citizenship classification country createdAt deathDate description dissolutionDate dunsCode "
                        "education email ethnicity eyeColor fatherName firstName gender hairColor height icijId "
                        "idNumber incorporationDate indexText innCode jurisdiction keywords lastName legalForm leiCode "
                        "licenseNumber mainCountry middleName modifiedAt motherName name nameSuffix nationality notes "
                        "npiCode ogrnCode okpoCode opencorporatesUrl parent passportNumber phone political position "
                        "previousName program programId proof publisher publisherUrl registrationNumber religion "
                        "retrievedAt secondName sector socialSecurityNumber sourceUrl spokenLanguage status summary "
                        "swiftBic taxNumber taxStatus title topics uniqueEntityId vatCode weakAlias website weight "
                        "wikidataId wikipediaUrl")},
        {QStringLiteral("Organization"),
         QStringLiteral(
             "address addressEntity alephUrl alias bvdId cageCode classification country createdAt "
             "description dissolutionDate dunsCode email giiNumber icijId idNumber imoNumber "
             "incorporationDate indexText innCode jurisdiction keywords legalForm leiCode licenseNumber "
             "mainCountry modifiedAt name notes npiCode ogrnCode okpoCode opencorporatesUrl parent permId "
             "phone previousName program programId proof publisher publisherUrl registrationNumber "
             "retrievedAt sector sourceUrl status summary swiftBic taxNumber taxStatus topics uniqueEntityId "
             "vatCode weakAlias website wikidataId wikipediaUrl")},
        {QStringLiteral("Article"),
         QStringLiteral("address addressEntity alephUrl alias ancestors author authoredAt bodyText companiesMentioned "
                        "contentHash country crawler createdAt date description detectedCountry detectedLanguage "
                        "emailMentioned encoding extension fileName fileSize generator ibanMentioned indexText "
                        "ipMentioned keywords language locationMentioned messageId mimeType modifiedAt name "
                        "namesMentioned notes parent peopleMentioned phoneMentioned previousName processedAt "
                        "processingAgent processingError processingStatus program programId proof publishedAt "
                        "publisher publisherUrl retrievedAt sourceUrl summary title topics translatedLanguage "
                        "translatedText weakAlias wikidataId wikipediaUrl")},
        {QStringLiteral("UnknownLink"),
         QStringLiteral("alephUrl date description endDate indexText modifiedAt namesMentioned object publisher "
                        "publisherUrl recordId retrievedAt role sourceUrl startDate status subject summary")},
    };
    return p;
}

// PublicBody adds nothing to Organization; Company adds its registry codes, which we never set.
QStringList ftmAllowed(const QString &schema)
{
    const QString key = schema == QLatin1String("PublicBody") || schema == QLatin1String("Company")
        ? QStringLiteral("Organization")
        : schema;
    return ftmSchemaProperties().value(key).split(QLatin1Char(' '));
}

QList<QJsonObject> parseLines(const QByteArray &data)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : data.split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            qWarning("not a JSON object: %s", line.constData());
            return {};
        }
        out << doc.object();
    }
    return out;
}

QStringList values(const QJsonObject &entity, const char *property)
{
    QStringList out;
    for (const QJsonValue &v :
         entity.value(QStringLiteral("properties")).toObject().value(QLatin1String(property)).toArray()) {
        out << v.toString();
    }
    return out;
}

const QJsonObject *byId(const QList<QJsonObject> &entities, const QString &id)
{
    for (const QJsonObject &e : entities) {
        if (e.value(QStringLiteral("id")).toString() == id) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

class tst_FtmExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyRealSchemataAndProperties();
    void actorsBySchemaWithAliases();
    void eventsWithDatesAtTheirPrecision();
    void claimsAsNotes();
    void idsAreStable();
    void hostileTextStaysData();
};

void tst_FtmExport::onlyRealSchemataAndProperties()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    const QByteArray out = ftmEntities(*kase);
    QVERIFY(out.endsWith('\n'));
    const QList<QJsonObject> entities = parseLines(out);
    QCOMPARE(entities.size(), out.count('\n'));
    QSet<QString> ids;
    QHash<QString, int> schemata;
    for (const QJsonObject &e : entities) {
        QCOMPARE(e.keys(),
                 (QStringList {QStringLiteral("id"), QStringLiteral("properties"), QStringLiteral("schema")}));
        const QString id = e.value(QStringLiteral("id")).toString();
        QCOMPARE(id.size(), 40);
        QVERIFY(!ids.contains(id));
        ids.insert(id);
        const QString schema = e.value(QStringLiteral("schema")).toString();
        schemata[schema]++;
        const QStringList allowed = ftmAllowed(schema);
        QVERIFY2(allowed.size() > 1, qPrintable(schema));
        const QJsonObject props = e.value(QStringLiteral("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            QVERIFY2(allowed.contains(it.key()), qPrintable(schema + QLatin1Char('.') + it.key()));
            QVERIFY(it.value().isArray());
            QVERIFY(!it.value().toArray().isEmpty());
            for (const QJsonValue &v : it.value().toArray()) {
                QVERIFY(v.isString() && !v.toString().isEmpty());
            }
        }
    }
    QCOMPARE(schemata.value(QStringLiteral("Article")), kase->sources.size());
    QCOMPARE(schemata.value(QStringLiteral("Event")), kase->events.size());
    QCOMPARE(schemata.value(QStringLiteral("Note")), kase->claims.size() + kase->disagreements.size());
    // Every entity an entity points at is in the file.
    for (const QJsonObject &e : entities) {
        for (const char *ref : {"involved", "entity", "proof", "subject", "object"}) {
            for (const QString &target : values(e, ref)) {
                QVERIFY2(ids.contains(target), ref);
            }
        }
    }
}

void tst_FtmExport::actorsBySchemaWithAliases()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    const QList<QJsonObject> entities = parseLines(ftmEntities(*kase));
    auto actor = [&](const char *id) { return byId(entities, ftmEntityId(*kase, u"actor", QString::fromUtf8(id))); };
    const QJsonObject *apt31 = actor("apt31");
    QVERIFY(apt31);
    QCOMPARE(apt31->value(QStringLiteral("schema")).toString(), QStringLiteral("Organization"));
    QCOMPARE(values(*apt31, "name"), QStringList {QStringLiteral("APT31")});
    QVERIFY(values(*apt31, "alias").contains(QStringLiteral("Zirconium")));
    QVERIFY(values(*apt31, "alias").contains(QStringLiteral("Violet Typhoon")));
    QVERIFY(!values(*apt31, "proof").isEmpty());
    QCOMPARE(actor("cameron")->value(QStringLiteral("schema")).toString(), QStringLiteral("Person"));
    QCOMPARE(actor("uk-ncsc")->value(QStringLiteral("schema")).toString(), QStringLiteral("PublicBody"));
    QCOMPARE(actor("uk-gov")->value(QStringLiteral("schema")).toString(), QStringLiteral("PublicBody"));
    QCOMPARE(actor("huawei")->value(QStringLiteral("schema")).toString(), QStringLiteral("Company"));
    QCOMPARE(actor("canada")->value(QStringLiteral("schema")).toString(), QStringLiteral("LegalEntity"));
    QCOMPARE(actor("seven-hackers")->value(QStringLiteral("schema")).toString(), QStringLiteral("LegalEntity"));
    // No country code is made up: the case gives none.
    QVERIFY(values(*actor("canada"), "country").isEmpty());
    // An affiliation is a link between the two actors, in the sources' words.
    bool found = false;
    for (const QJsonObject &e : entities) {
        if (e.value(QStringLiteral("schema")).toString() == QLatin1String("UnknownLink")
            && values(e, "subject") == QStringList {ftmEntityId(*kase, u"actor", u"uk-ncsc")}) {
            QCOMPARE(values(e, "object"), QStringList {ftmEntityId(*kase, u"actor", u"uk-gov")});
            QCOMPARE(values(e, "role"), QStringList {QStringLiteral("agency of")});
            found = true;
        }
    }
    QVERIFY(found);
}

void tst_FtmExport::eventsWithDatesAtTheirPrecision()
{
    const auto kase = Test::smallCase();
    QVERIFY(kase);
    const QList<QJsonObject> entities = parseLines(ftmEntities(*kase));
    auto event = [&](const char *id) { return byId(entities, ftmEntityId(*kase, u"event", QString::fromUtf8(id))); };
    const QJsonObject *sanction = event("sanction");
    QVERIFY(sanction);
    QCOMPARE(values(*sanction, "date"), QStringList {QStringLiteral("2024-03-25")});
    QVERIFY(values(*sanction, "startDate").isEmpty());
    QCOMPARE(values(*sanction, "name"), QStringList {QStringLiteral("Sanctions")});
    QCOMPARE(values(*sanction, "involved"),
             (QStringList {ftmEntityId(*kase, u"actor", u"uk"), ftmEntityId(*kase, u"actor", u"wx")}));
    QVERIFY(values(*sanction, "description").first().contains(QStringLiteral("Wuhan Xiaoruizhi (sanctioned)")));
    QCOMPARE(values(*sanction, "keywords"), QStringList {QStringLiteral("sanction")});
    QCOMPARE(values(*sanction, "proof"), QStringList {ftmEntityId(*kase, u"source", u"a")});
    const QJsonObject *breach = event("breach");
    QCOMPARE(values(*breach, "startDate"), QStringList {QStringLiteral("2021")});
    QCOMPARE(values(*breach, "endDate"), QStringList {QStringLiteral("2022")});
    QVERIFY(values(*breach, "date").isEmpty());
    QCOMPARE(values(*event("denial"), "date"), QStringList {QStringLiteral("2024-03")});
    // Start unknown: only the end, and the description says it was approximate.
    const QJsonObject *campaign = event("campaign");
    QVERIFY(values(*campaign, "startDate").isEmpty());
    QCOMPARE(values(*campaign, "endDate"), QStringList {QStringLiteral("2024-03-25")});
    QVERIFY(values(*campaign, "description").first().contains(QStringLiteral("Date: ")));
}

void tst_FtmExport::claimsAsNotes()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    const QList<QJsonObject> entities = parseLines(ftmEntities(*kase));
    const QJsonObject *note = byId(entities, ftmEntityId(*kase, u"claim", u"cl-ncsc-ec"));
    QVERIFY(note);
    QCOMPARE(note->value(QStringLiteral("schema")).toString(), QStringLiteral("Note"));
    const Claim *claim = kase->claim(QStringLiteral("cl-ncsc-ec"));
    QVERIFY(values(*note, "entity").contains(ftmEntityId(*kase, u"actor", claim->subjectId)));
    QCOMPARE(values(*note, "summary"), QStringList {claim->statement});
    const QString description = values(*note, "description").value(0);
    QVERIFY(description.startsWith(
        QStringLiteral("National Cyber Security Centre says, in the words \u201chighly likely\u201d: ")));
    QVERIFY(!values(*note, "proof").isEmpty());
    // The denial names what it disputes.
    const QJsonObject *denial = byId(entities, ftmEntityId(*kase, u"claim", u"cl-china-denial"));
    QVERIFY(denial);
    QVERIFY(values(*denial, "description").value(0).contains(QStringLiteral("(no confidence wording given)")));
    // Disputed points are notes on the events and claims that are part of them.
    for (const Disagreement &d : kase->disagreements) {
        const QJsonObject *n = byId(entities, ftmEntityId(*kase, u"disagreement", d.id));
        QVERIFY(n);
        QCOMPARE(values(*n, "summary"), QStringList {d.question});
        QVERIFY(!values(*n, "entity").isEmpty());
    }
    // The journalist's private notes never leave the app.
    Case k = *kase;
    k.claims[0].notes = QStringLiteral("PRIVATE-NOTE-XYZ");
    k.events[0].notes = QStringLiteral("PRIVATE-NOTE-XYZ");
    k.actors[0].notes = QStringLiteral("PRIVATE-NOTE-XYZ");
    QVERIFY(!ftmEntities(k).contains("PRIVATE-NOTE-XYZ"));
}

void tst_FtmExport::idsAreStable()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    const QByteArray first = ftmEntities(*kase);
    QCOMPARE(ftmEntities(*kase), first);
    Case copy = *kase;
    QCOMPARE(ftmEntities(copy), first);
    const QString id = ftmEntityId(*kase, u"event", u"e1");
    QCOMPARE(id, ftmEntityId(copy, u"event", u"e1"));
    QVERIFY(id != ftmEntityId(*kase, u"claim", u"e1")); // the kind is part of the id
    copy.title += QStringLiteral(" (copy)");
    QVERIFY(id != ftmEntityId(copy, u"event", u"e1")); // another case, other entities
    // The id hashes what it says: SHA-1 of the parts with unit separators.
    QCOMPARE(ftmEntityId(Case {}, u"actor", u"x"),
             QString::fromLatin1(QCryptographicHash::hash("attribution-timeline\x1f\x1f"
                                                          "actor\x1fx",
                                                          QCryptographicHash::Sha1)
                                     .toHex()));
}

void tst_FtmExport::hostileTextStaysData()
{
    Case k;
    k.title = QStringLiteral("Hostile\"}\n{\"id\":\"x\"");
    Source s;
    s.id = QStringLiteral("s\"1");
    s.title = QStringLiteral("</script><b>\"},\n{\"schema\":\"Person\"");
    s.text = QStringLiteral("line1\nline2\u2028\u0001\U0001F600");
    s.url = QStringLiteral("javascript:alert(1)");
    s.publisher = QStringLiteral("=HYPERLINK(\"x\")");
    k.sources << s;
    Actor a;
    a.id = QStringLiteral("a\n1");
    a.name = QStringLiteral("Name\",\"schema\":\"Company");
    a.kind = QStringLiteral("person");
    k.actors << a;
    const QByteArray out = ftmEntities(k);
    const QList<QJsonObject> entities = parseLines(out);
    QCOMPARE(entities.size(), 2); // one line each, whatever the text holds
    QCOMPARE(out.count('\n'), 2);
    QCOMPARE(values(entities[0], "title"), QStringList {s.title});
    QCOMPARE(values(entities[0], "bodyText"), QStringList {s.text});
    QVERIFY(values(entities[0], "sourceUrl").isEmpty()); // not a web address
    QCOMPARE(entities[1].value(QStringLiteral("schema")).toString(), QStringLiteral("Person"));
    QCOMPARE(values(entities[1], "name"), QStringList {a.name});
    // A source the case only names has no text to give.
    k.sources[0].referenceOnly = true;
    k.sources[0].text.clear();
    QVERIFY(values(parseLines(ftmEntities(k))[0], "bodyText").isEmpty());
}

QTEST_GUILESS_MAIN(tst_FtmExport)
#include "tst_ftmexport.moc"
