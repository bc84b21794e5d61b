@area:qmtcfg @reboot
Feature: AT+QMTCFG settings take effect at once and are not saved (spec 3.3.1 characteristics)
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (timeoutNotice).

  Rule: A restart (AT+CFUN=1,1) brings every AT+QMTCFG setting back to its default

    @spec:3.3.1:not-saved
    Scenario: Keep-alive and timeout set before a restart are back to their defaults after it
      When the host sends AT+QMTCFG="keepalive",0,60
      Then the module answers OK
      When the host sends AT+QMTCFG="timeout",0,10,5,1
      Then the module answers OK
      Given the module has restarted
      When the host sends AT+QMTCFG="keepalive",0
      Then the module answers:
        """
        +QMTCFG: "keepalive",120
        OK
        """
      When the host sends AT+QMTCFG="timeout",0
      Then the module answers:
        """
        +QMTCFG: "timeout",5,3,{default:timeoutNotice}
        OK
        """
