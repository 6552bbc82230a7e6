#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

namespace AT {

// The colours of a case's event categories, the same on the timeline, in charts and in exports, in
// every run. A category's colour depends only on the set of the case's category names: sorted by
// their UTF-16 code units (never by locale or hash order), the n-th name gets the palette's n-th
// colour. The palette's sixteen colours stay apart for normal vision and for protanopia and
// deuteranopia (tst_categorycolor measures it); a case with more categories reuses them in turn.
class CategoryColors
{
public:
    static constexpr int PaletteSize = 16;

    CategoryColors() = default;
    // The case's categories, in any order; repeats count once.
    explicit CategoryColors(QStringList categories);

    // A category the case does not have gets unknownColor().
    QColor color(const QString &category) const;
    // The sorted, distinct names.
    const QStringList &categories() const { return m_sorted; }

    static QColor paletteColor(qsizetype index); // cycles after PaletteSize
    static QColor unknownColor();

private:
    QStringList m_sorted;
};

} // namespace AT
