package org.mastermail.testkit.contract;

/**
 * Every behaviour contract of the engine. Implement it once per storage:
 *
 * <pre>{@code
 * class MyStorageEngineTest implements EngineContract {
 *   @RegisterExtension
 *   static final MasterMailExtension MM = MasterMailExtension.dataSource(MyDatabase::dataSource);
 *
 *   public MasterMail masterMail() { return MM.masterMail(); }
 *   public MutableClock clock() { return MM.clock(); }
 * }
 * }</pre>
 */
public interface EngineContract extends VisibilityContract, TriagePermissionContract, AdminPermissionContract,
    StatusContract, ChangeContract, ListingContract, IntakeContract, OutboundContract, DispatchContract, ReportContract,
    SecretContract {}
