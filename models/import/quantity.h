// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>
#include <QStringView>

/// Kubernetes resource quantities ("250m", "0.5", "1Gi", "512M", "1e3").
///
/// Grammar from the Kubernetes API reference, "Quantity" (k8s.io/apimachinery/pkg/api/resource):
///   quantity ::= signedNumber suffix;  number ::= digits | digits.digits | digits. | .digits
///   suffix   ::= binarySI (Ki Mi Gi Ti Pi Ei) | decimalSI (m "" k M G T P E) | ("e"|"E") signedNumber
/// "1E" is therefore 10^18 (exa), while "1E3" is 1000 (an exponent).
namespace fleetplan::models {

/// Parses any Kubernetes quantity into base units (cores or bytes). Returns nullopt and sets `error`
/// (when given) for text outside the grammar: "", "Mi", "1.5.5", "abc", "1GB", " 1", "1e", "1e1.5".
/// A sign is accepted here, as the grammar allows it.
std::optional<double> parseQuantity(QStringView text, QString *error = nullptr);

/// A CPU request or limit in vCPU: "250m" → 0.25, "2" → 2, "0.5" → 0.5. Negative values are rejected.
std::optional<double> parseCpuQuantity(QStringView text, QString *error = nullptr);

/// A memory (or ephemeral-storage) request or limit in MiB: "1Gi" → 1024, "512M" → 488.28125,
/// "128974848" → 123. Negative values are rejected.
std::optional<double> parseMemoryQuantity(QStringView text, QString *error = nullptr);

} // namespace fleetplan::models
