package org.mastermail.testkit.engine;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mastermail.MasterMail;
import org.mastermail.testkit.MasterMailExtension;
import org.mastermail.testkit.MutableClock;
import org.mastermail.testkit.contract.EngineContract;

class PostgresEngineContractTest implements EngineContract {
  @RegisterExtension
  static final MasterMailExtension MM = MasterMailExtension.postgres();

  @Override
  public MasterMail masterMail() {
    return MM.masterMail();
  }

  @Override
  public MutableClock clock() {
    return MM.clock();
  }
}
