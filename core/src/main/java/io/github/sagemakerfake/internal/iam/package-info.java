/**
 * Internal: not API, may change without notice in any release. Use the public packages
 * ({@code io.github.sagemakerfake}, {@code .control}, {@code .admin}) instead.
 *
 * <p>Here: IAM for the fake's operations (docs/iam.md): the catalog of what each operation is
 * authorized against ({@link io.github.sagemakerfake.internal.iam.IamCatalog}), identity policies
 * parsed and checked at configuration ({@link io.github.sagemakerfake.internal.iam.Policy}), their
 * evaluation, the enforcement in front of the backend
 * ({@link io.github.sagemakerfake.internal.iam.IamEnforcement}) and the least-privilege policy derived
 * from the journal ({@link io.github.sagemakerfake.internal.iam.RequiredPolicies}).
 */
@API(status = INTERNAL)
package io.github.sagemakerfake.internal.iam;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
