/**
 * Behaviour contracts of the MasterMail engine, as interfaces with default test methods: implement
 * {@link org.mastermail.testkit.contract.EngineContract} once per storage to prove it runs the engine correctly.
 */
@NullMarked
package org.mastermail.testkit.contract;

import org.jspecify.annotations.NullMarked;
