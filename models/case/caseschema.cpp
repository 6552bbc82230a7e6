#include "caseschema.h"

#include <QStringList>

namespace AT::CaseSchema {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Case:
        return QStringLiteral("Case");
    case Kind::Source:
        return QStringLiteral("Source");
    case Kind::Citation:
        return QStringLiteral("Citation");
    case Kind::Date:
        return QStringLiteral("Date");
    case Kind::Provenance:
        return QStringLiteral("Provenance");
    case Kind::Actor:
        return QStringLiteral("Actor");
    case Kind::Alias:
        return QStringLiteral("Alias");
    case Kind::Affiliation:
        return QStringLiteral("Affiliation");
    case Kind::Disagreement:
        return QStringLiteral("Disagreement");
    case Kind::Version:
        return QStringLiteral("Version");
    case Kind::Event:
        return QStringLiteral("Event");
    case Kind::Participant:
        return QStringLiteral("Participant");
    case Kind::Claim:
        return QStringLiteral("Claim");
    case Kind::AcceptedWarning:
        return QStringLiteral("AcceptedWarning");
    case Kind::Reviewed:
        return QStringLiteral("ReviewedPassage");
    }
    return {};
}

QString typeText(const Field &field)
{
    switch (field.type) {
    case Type::String:
        return QStringLiteral("string");
    case Type::StringOrNull:
        return QStringLiteral("string or null");
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Boolean:
        return QStringLiteral("true or false");
    case Type::BooleanOrEnd:
        return QStringLiteral("true, false, `\"start\"` or `\"end\"`");
    case Type::DatePoint:
        return QStringLiteral("date point");
    case Type::DatePointOrNull:
        return QStringLiteral("date point or null");
    case Type::Object:
        return kindName(field.of);
    case Type::Array:
        return QStringLiteral("array of ") + kindName(field.of);
    case Type::StringArray:
        return QStringLiteral("array of strings");
    }
    return {};
}

QString presenceText(Kind kind, const Field &field)
{
    switch (field.presence) {
    case Presence::Required:
        return QStringLiteral("yes");
    case Presence::Optional:
        return QStringLiteral("no");
    case Presence::OneOf: {
        QStringList keys;
        for (const Field &f : fields(kind)) {
            if (f.presence == Presence::OneOf) {
                keys << QLatin1Char('`') + f.key + QLatin1Char('`');
            }
        }
        return QStringLiteral("one of ") + keys.join(QStringLiteral(", "));
    }
    case Presence::Conditional:
        return field.when.toString();
    }
    return {};
}

QString markdownTable(Kind kind)
{
    QString out = QStringLiteral("| key | type | required | meaning |\n|---|---|---|---|\n");
    for (const Field &f : fields(kind)) {
        out += QStringLiteral("| `") + f.key + QStringLiteral("` | ") + typeText(f) + QStringLiteral(" | ")
            + presenceText(kind, f) + QStringLiteral(" | ") + f.meaning.toString() + QStringLiteral(" |\n");
    }
    return out;
}

} // namespace AT::CaseSchema
