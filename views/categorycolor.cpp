#include "categorycolor.h"

#include <QHash>

namespace AT {

QColor categoryColor(const QString &category)
{
    // The categories the case format documents get colours of their own, chosen to stay apart
    // (Okabe-Ito first, then distinct mid-tones); any other category is hashed onto the same palette.
    static const QHash<QString, QColor> known = {
        {QStringLiteral("intrusion"), QColor(0xD5, 0x5E, 0x00)},
        {QStringLiteral("reconnaissance"), QColor(0xE6, 0x9F, 0x00)},
        {QStringLiteral("phishing"), QColor(0xA6, 0x3D, 0x40)},
        {QStringLiteral("targeting"), QColor(0xF0, 0x7F, 0x6F)},
        {QStringLiteral("campaign"), QColor(0x88, 0x22, 0x55)},
        {QStringLiteral("indictment"), QColor(0x00, 0x72, 0xB2)},
        {QStringLiteral("sanction"), QColor(0x56, 0xB4, 0xE9)},
        {QStringLiteral("attribution"), QColor(0x33, 0x22, 0x88)},
        {QStringLiteral("statement"), QColor(0x77, 0x77, 0x77)},
        {QStringLiteral("diplomatic"), QColor(0x00, 0x9E, 0x73)},
        {QStringLiteral("denial"), QColor(0xCC, 0x79, 0xA7)},
        {QStringLiteral("counter-accusation"), QColor(0xAA, 0x44, 0x99)},
        {QStringLiteral("disclosure"), QColor(0x44, 0xAA, 0x99)},
        {QStringLiteral("report"), QColor(0x99, 0x99, 0x33)},
        {QStringLiteral("advisory"), QColor(0x11, 0x77, 0x33)},
        {QStringLiteral("disruption"), QColor(0x66, 0x66, 0xCC)},
    };
    const auto it = known.constFind(category);
    if (it != known.constEnd()) {
        return *it;
    }
    static const QList<QColor> palette = known.values();
    // FNV-1a over the UTF-16 units: qHash is seeded per process, this is not.
    quint32 h = 2166136261u;
    for (QChar c : category) {
        h = (h ^ c.unicode()) * 16777619u;
    }
    return palette[h % palette.size()];
}

} // namespace AT
