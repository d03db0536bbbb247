// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/importresult.h"

#include <algorithm>
#include <cstdio>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include "models/boundedread.h"

namespace fleetplan::models {

QString ImportResult::summary() const
{
    QString text
        = QStringLiteral("imported %1 service(s) from %2 file(s)").arg(services.size()).arg(importedFiles.size());
    if (!failedFiles.isEmpty())
        text += QStringLiteral("; %1 file(s) failed and imported nothing: %2")
                    .arg(failedFiles.size())
                    .arg(failedFiles.join(QStringLiteral(", ")));
    text += u'\n';
    if (!skippedKinds.isEmpty()) {
        QStringList parts;
        int total = 0;
        for (auto it = skippedKinds.cbegin(); it != skippedKinds.cend(); ++it) {
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            total += it.value();
        }
        text += QStringLiteral("skipped %1 object(s) not modelled: %2\n")
                    .arg(total)
                    .arg(parts.join(QStringLiteral(", ")));
    }
    return text;
}

QList<ImportInput> readImportInputs(const QStringList &paths, QList<Diagnostic> &errors, QStringList &failedFiles)
{
    QList<ImportInput> inputs;
    const auto readOne = [&](const QString &path, const QString &origin) {
        QFile file;
        bool opened = false;
        if (path == u"-") {
            opened = file.open(stdin, QIODevice::ReadOnly);
        } else {
            file.setFileName(path);
            opened = file.open(QIODevice::ReadOnly);
        }
        if (!opened) {
            errors.append(
                { Diagnostic::Severity::Error, origin, QStringLiteral("cannot open: ") + file.errorString() });
            failedFiles.append(origin);
            return;
        }
        QByteArray bytes;
        QString why;
        if (!readAtMost(file, MaxManifestBytes, &bytes, &why)) {
            errors.append({ Diagnostic::Severity::Error, origin, QStringLiteral("cannot read: ") + why });
            failedFiles.append(origin);
            return;
        }
        inputs.append({ origin, bytes });
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            readOne(path, path == u"-" ? QStringLiteral("<stdin>") : info.fileName());
            continue;
        }
        QStringList found;
        QDirIterator it(path, { QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json") },
            QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext())
            found << it.next();
        found.sort();
        const QDir dir(info.absoluteFilePath());
        const QString base = QFileInfo(QDir::cleanPath(info.absoluteFilePath())).fileName();
        for (const QString &file : std::as_const(found)) {
            const QString origin = base + u'/' + dir.relativeFilePath(QFileInfo(file).absoluteFilePath());
            // A folder is read as a set of manifests: a symlink to /dev/zero, a FIFO or a socket in it is
            // skipped, not read (a FIFO would block, a device never ends).
            if (!isRegularFile(file)) {
                errors.append({ Diagnostic::Severity::Warning, origin,
                    QStringLiteral("skipped: not a regular file (a device, FIFO or socket)") });
                continue;
            }
            readOne(file, origin);
        }
        if (found.isEmpty())
            errors.append({ Diagnostic::Severity::Warning, path,
                QStringLiteral("no *.yaml, *.yml or *.json files in this folder") });
    }
    return inputs;
}

PlatformSettings eksNodesSettings(const QList<ImportedNodeGroup> &groups, PlatformSettings settings)
{
    if (groups.isEmpty())
        return settings;
    QStringList types;
    double disk = 0;
    for (const ImportedNodeGroup &g : groups) {
        // EKS CreateNodegroup: "If you don't specify an instance type ... t3.medium".
        const QStringList groupTypes
            = g.instanceTypes.isEmpty() ? QStringList { QStringLiteral("t3.medium") } : g.instanceTypes;
        for (const QString &t : groupTypes) {
            if (!types.contains(t))
                types.append(t);
        }
        disk = std::max(disk, g.diskGib);
    }
    settings.instanceTypes = types;
    settings.mixedInstances = types.size() > 1;
    settings.ebsGibPerNode = disk;
    return settings;
}

QString applyNodeGroups(const QList<ImportedNodeGroup> &groups, Scenario &scenario)
{
    if (groups.isEmpty())
        return {};
    PlatformSettings &eks = scenario.platform(PlatformId::EksNodes);
    eks = eksNodesSettings(groups, eks);
    QString text = QStringLiteral("EKS on EC2 settings from %1 node group(s): instance types %2, %3 GiB EBS per node")
                       .arg(groups.size())
                       .arg(eks.instanceTypes.join(QStringLiteral(", ")))
                       .arg(eks.ebsGibPerNode);
    int desired = 0;
    int spotDesired = 0;
    for (const ImportedNodeGroup &g : groups) {
        desired += g.desiredSize;
        spotDesired += g.spot ? g.desiredSize : 0;
    }
    if (spotDesired > 0 && desired > 0) {
        scenario.purchase.spotShare = double(spotDesired) / desired;
        text += QStringLiteral("; Spot share %1 % (SPOT node groups' share of the desired nodes; it applies to "
                               "every EC2 platform)")
                    .arg(scenario.purchase.spotShare * 100, 0, 'f', 0);
    }
    return text;
}

void makeServiceNamesUnique(ImportResult &result)
{
    QSet<QString> used;
    QHash<QString, int> nextSuffix; // per name, so that many clashes stay linear
    for (Service &s : result.services) {
        if (!used.contains(s.name)) {
            used.insert(s.name);
            continue;
        }
        int &n = nextSuffix[s.name];
        if (n < 2)
            n = 2;
        QString candidate;
        for (;; ++n) {
            candidate = s.name + u'-' + QString::number(n);
            if (!used.contains(candidate))
                break;
        }
        result.diagnostics.append({ Diagnostic::Severity::Warning, s.source,
            QStringLiteral("name \"%1\" is already taken; imported as \"%2\"").arg(s.name, candidate) });
        s.name = candidate;
        used.insert(candidate);
    }
}

ImportResult importPaths(
    const QStringList &paths, const std::function<ImportResult(const QList<ImportInput> &)> &importer)
{
    QList<Diagnostic> readErrors;
    QStringList failed;
    const QList<ImportInput> inputs = readImportInputs(paths, readErrors, failed);
    ImportResult result = importer(inputs);
    result.diagnostics = readErrors + result.diagnostics;
    result.failedFiles = failed + result.failedFiles;
    return result;
}

} // namespace fleetplan::models
